namespace Kasify.Application.Ses;

/// <summary>Web-service credentials of one landlord (codigoArrendador) in SES.HOSPEDAJES.</summary>
public sealed record SesCredentials(string LandlordCode, string Username, string Password, SesEnvironment Environment)
{
    public const int LandlordCodeMaxLength = 10;

    // The compiler-generated ToString would print the password into any log or exception that formats this record.
    public override string ToString() => $"SesCredentials {{ LandlordCode = {LandlordCode}, Environment = {Environment} }}";
}
