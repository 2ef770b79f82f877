namespace Kasify.Application.AccessCodes;

/// <summary>Settings section <c>AccessCodes</c>.</summary>
public sealed class AccessCodeOptions
{
    public const string SectionName = "AccessCodes";

    /// <summary>How long before check-in a code is put on the lock (docs/api.md §8 <c>access_code_lead_hours</c>).</summary>
    public double LeadHours { get; set; } = 24;

    /// <summary>How long after check-out a code is removed from the lock.</summary>
    public double GraceHours { get; set; } = 1;

    /// <summary>How often, and how many times, a Nuki code accepted without an id is looked for on the lock before it fails.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxChecks { get; set; } = 10;

    /// <summary>Live status of a property's locks: each vendor call is abandoned after this.</summary>
    public TimeSpan StatusTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
