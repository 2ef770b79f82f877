namespace Kasify.Application.Guests;

/// <summary>Settings section <c>Guests</c>.</summary>
public sealed class GuestOptions
{
    public const string SectionName = "Guests";

    /// <summary>Years after check-out that guests' personal data is kept (RD 933/2021 asks for 3), then purged.</summary>
    public int RetentionYears { get; set; } = 3;
}
