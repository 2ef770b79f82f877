namespace Kasify.TestFakes.SmartLocks;

// A SmartlockAuth as FakeNuki stores it (vendors.md §1.5). Dates are kept exactly as the client sent them.
public sealed class FakeNukiAuth
{
    public required string Id { get; init; }

    public required long SmartlockId { get; init; }

    public int Type { get; set; }

    public string Name { get; set; } = string.Empty;

    public int? Code { get; set; }

    public bool Enabled { get; set; } = true;

    public bool RemoteAllowed { get; set; }

    public string? AllowedFromDate { get; set; }

    public string? AllowedUntilDate { get; set; }

    public int? AllowedWeekDays { get; set; }

    public int? AllowedFromTime { get; set; }

    public int? AllowedUntilTime { get; set; }

    public int? AccountUserId { get; set; }

    public DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset UpdateDate { get; set; }

    // Set while an asynchronous change of this auth is pending.
    public string? OperationId { get; set; }
}
