using Kasify.Application.Common;
using Kasify.Domain.Timeline;

namespace Kasify.Application.Timeline;

/// <summary>Adds activity rows to the current unit of work; the acting user comes from the request, if any.</summary>
public sealed class ActivityLog(IKasifyDb db, ICurrentUser current, TimeProvider time)
{
    public async Task WriteAsync(string kind, string summary, string subjectType, Guid subjectId,
        Guid? propertyId, string? propertyName, CancellationToken ct)
    {
        var actor = current.IsAuthenticated ? await current.FindAsync(ct) : null;
        db.Activities.Add(new Activity(time.GetUtcNow().UtcDateTime, kind, summary, subjectType, subjectId,
            propertyId, propertyName, actor?.Id, actor?.DisplayName));
    }
}
