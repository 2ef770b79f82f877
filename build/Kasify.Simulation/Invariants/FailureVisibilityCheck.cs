using Kasify.Application.AccessCodes;
using Kasify.Application.Ses;
using Kasify.Simulation.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Simulation.Invariants;

/// <summary>
/// Invariant 6, on the product's own records: every failure that hurt a guest-facing outcome is visible to an admin
/// both as a timeline activity and as a failed job. A code that went live late (not because the process restarted)
/// needs an <c>access_code.failed</c> activity of that code or booking, or an <c>integration.failed</c> one of its property, and a
/// failed job of that booking's codes (a job Hangfire shows Failed: the runner rethrew); an SES report that went out
/// after its deadline although the check-in was complete before it needs its <c>ses.report_overdue</c> activity (checked
/// by <see cref="SesObserver"/>) and a failed <c>ses.submit_report</c> job of that booking.
/// </summary>
public static class FailureVisibilityCheck
{
    public static async Task RunAsync(SimulationHost host, Invariant visible, IReadOnlyList<LateCode> lateCodes,
        IReadOnlyList<Guid> lateReports, IReadOnlyDictionary<Guid, DateTime> failedJobs, CancellationToken ct)
    {
        var failedIds = failedJobs.Keys.ToList();
        var failedRows = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => failedIds.Contains(m.Id) || m.FailedAt != null).Select(m => new { m.Id, m.Kind, m.Payload }).ToListAsync(ct));
        var codes = await host.WithDbAsync(db => db.AccessCodes.AsNoTracking()
            .Select(c => new { c.Id, c.BookingId, c.SmartLockId, c.PropertyId }).ToListAsync(ct));
        var activities = await host.WithDbAsync(db => db.Activities.AsNoTracking()
            .Where(a => a.Kind == AccessCodeActivities.Failed || a.Kind == "integration.failed")
            .Select(a => new { a.Kind, a.SubjectId, a.PropertyId, a.At }).ToListAsync(ct));

        foreach (var late in lateCodes)
        {
            visible.Count();
            var bookingId = late.Stay.BookingId!.Value;
            var mine = codes.Where(c => c.BookingId == bookingId).ToList();
            var onLock = mine.Where(c => c.SmartLockId == late.Lock.LockId).Select(c => c.Id).ToHashSet();
            var hasActivity = activities.Any(a => (a.Kind == AccessCodeActivities.Failed && (onLock.Contains(a.SubjectId) || a.SubjectId == bookingId))
                                                  || (a.Kind == "integration.failed" && a.At <= late.SeenAt && a.At >= late.Due.AddHours(-1)));
            var ids = mine.Select(c => c.Id.ToString()).Append(bookingId.ToString()).ToList();
            var hasFailedJob = failedRows.Any(r => r.Kind.StartsWith("access_code.", StringComparison.Ordinal)
                                                   && ids.Any(id => r.Payload.Contains(id, StringComparison.OrdinalIgnoreCase)));
            if (!hasActivity || !hasFailedJob)
                visible.Violate($"code:{late.Stay.Key}:{late.Lock.LockId}",
                    $"{late.Stay.Key}: code on {late.Lock.Name} of property {late.Stay.Property.Index} due {late.Due:u}, live {late.SeenAt:u}; " +
                    $"activity {(hasActivity ? "yes" : "missing")}, failed job {(hasFailedJob ? "yes" : "missing")}");
        }

        foreach (var bookingId in lateReports)
        {
            visible.Count();
            var hasFailedJob = failedRows.Any(r => r.Kind == SubmitTravellerReport.Kind && r.Payload.Contains(bookingId.ToString(), StringComparison.OrdinalIgnoreCase));
            if (!hasFailedJob) visible.Violate($"ses-job:{bookingId}", $"booking {bookingId}: SES report late, but no failed {SubmitTravellerReport.Kind} job");
        }
    }
}
