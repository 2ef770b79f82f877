using Kasify.Application.Access;

namespace Kasify.Application.Common;

/// <summary>
/// The one way into a use case: the registered caller (resolved once per request), then their right per the handler's
/// <see cref="UseCaseScopeAttribute"/>. Authentication itself happened before, in the endpoint's authorization policy.
/// </summary>
public sealed class UseCasePipeline(ICurrentUser current, PropertyAccess access, UseCaseCaller caller)
{
    public async ValueTask AdmitAsync(UseCaseScopeAttribute scope, Guid? propertyId, CancellationToken ct)
    {
        if (!scope.NeedsRegisteredCaller) return;
        var user = await current.RequireAsync(ct);
        caller.Admit(user);
        switch (scope)
        {
            case AccountOwnerScopeAttribute owner when !await access.IsAccountOwnerAsync(user, ct):
                throw new ForbiddenException(owner.DeniedMessage);
            case PlatformAdminScopeAttribute admin when !current.IsPlatformAdmin:
                throw new ForbiddenException(admin.DeniedMessage);
            case PropertyScopeAttribute property:
                var id = propertyId ?? throw new ValidationFailedException("property_id", "property_id is required.");
                caller.AdmitOnProperty(id, await access.RequireAsync(user, id, [.. property.Allowed], property.IncludeArchived, ct));
                break;
        }
    }
}
