using Kasify.Application.Access;
using Kasify.Domain.Crew;

namespace Kasify.Application.Timeline;

/// <summary>
/// Activity summaries written for owners and managers that carry what staff may not see: an invitee's e-mail, or an
/// SES error that can quote a guest's data. Staff get a fixed wording instead (docs/api.md §2: no guest personal data).
/// </summary>
public static class ActivityRedaction
{
    private static readonly Dictionary<string, string> ForCrew = new()
    {
        ["member.invited"] = "Crew invitation created",
        ["ses.rejected"] = "SES report not accepted",
        ["ses.failed"] = "SES report not accepted",
    };

    public static string SummaryFor(AccessLevel? role, string kind, string summary) =>
        role is { } r && PropertyAccess.MaySeeGuestData(r) ? summary
        : ForCrew.TryGetValue(kind, out var redacted) ? redacted
        : summary;
}
