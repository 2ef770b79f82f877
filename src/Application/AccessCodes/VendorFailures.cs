using Kasify.Application.Integrations;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Application.Timeline;
using Kasify.Domain.Integrations;

namespace Kasify.Application.AccessCodes;

/// <summary>The vendor refused an integration's credentials during a job: the integration is marked failing, once, on the timeline.</summary>
public sealed class VendorFailures(ActivityLog activities, TimeProvider time)
{
    public async Task IntegrationRefusedAsync(Integration integration, VendorException e, CancellationToken ct)
    {
        var wasActive = integration.IsActive;
        integration.MarkFailing(time.GetUtcNow().UtcDateTime, e.Reason);
        if (wasActive)
            await activities.WriteAsync(IntegrationActivities.Failed, $"{integration.Name} refused the stored credentials: {e.Reason}",
                "integration", integration.Id, null, null, ct);
    }
}
