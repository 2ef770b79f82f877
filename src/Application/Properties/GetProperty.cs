using Kasify.Application.Access;
using Kasify.Application.Common;

namespace Kasify.Application.Properties;

public sealed class GetPropertyHandler(ICurrentUser current, PropertyAccess access, PropertyReader reader)
{
    public async Task<PropertyResponse> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        await access.RequireAsync(user, propertyId, PropertyAccess.Anyone, ct);
        return await reader.ReadOneAsync(user, propertyId, ct);
    }
}
