namespace Kasify.Infrastructure.SmartLocks.Unifi;

internal sealed class UnifiOptions
{
    public const string SectionName = "SmartLocks:Unifi";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    // How many PINs to try when the console says a PIN already exists.
    public int PinAttempts { get; set; } = 5;

    // Name and validity_period sent when minting a developer token for username/password setups.
    // The unit of validity_period is not documented (vendors.md §2.6, "(?)").
    public string MintedTokenName { get; set; } = "kasify";

    public int MintedTokenValidityPeriod { get; set; } = 365;
}
