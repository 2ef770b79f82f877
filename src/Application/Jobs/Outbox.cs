using System.Text.Json;
using Kasify.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Jobs;

internal sealed class Outbox(IKasifyDb db, TimeProvider time) : IOutbox
{
    public async Task EnqueueAsync<TPayload>(string kind, TPayload payload, DateTime? dueAt, Guid? propertyId,
        string? dedupKey, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (dedupKey is not null && await IsAlreadyPendingAsync(dedupKey, ct)) return;
        db.OutboxMessages.Add(new OutboxMessage(kind, JsonSerializer.Serialize(payload), dueAt ?? now, now, propertyId, dedupKey));
    }

    public async Task CancelForPropertyAsync(Guid propertyId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.OutboxMessages
            .Where(m => m.PropertyId == propertyId && m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null)
            .ToListAsync(ct);
        foreach (var message in pending) message.Cancel(now);
    }

    private async Task<bool> IsAlreadyPendingAsync(string dedupKey, CancellationToken ct)
    {
        // Like the query below, a claimed row (the running job itself) does not count: a job may queue its own follow-up.
        var tracked = db.OutboxMessages.Local.Any(m => m.DedupKey == dedupKey && m.IsPending && m.ClaimedUntil == null);
        return tracked || await db.OutboxMessages.AnyAsync(
            m => m.DedupKey == dedupKey && m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null
                 && (m.ClaimedUntil == null), ct);
    }
}
