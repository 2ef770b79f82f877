using Kasify.Application.Common;
using Kasify.WebApi.Endpoints;

namespace Kasify.WebApi.Dashboard;

/// <summary>POST /admin/dashboard-sessions: a one-minute sign-in link to the job dashboard, for platform administrators.</summary>
[PlatformAdminScope("Only platform administrators can open the job dashboard.")]
public sealed class CreateDashboardSessionHandler(UseCaseCaller caller, DashboardAccess access, TimeProvider time)
{
    public async Task<DashboardSessionResponse> HandleAsync(CancellationToken ct)
    {
        var url = $"{DashboardAccess.LoginPath}?code={Uri.EscapeDataString(await access.CreateLoginCodeAsync(caller.User.Id, ct))}";
        return new DashboardSessionResponse(url, (time.GetUtcNow() + DashboardAccess.LinkLifetime).UtcDateTime);
    }
}
