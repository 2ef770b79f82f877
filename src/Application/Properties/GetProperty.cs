using Kasify.Domain.Crew;
using Kasify.Application.Common;

namespace Kasify.Application.Properties;

[PropertyScope(AccessLevel.Owner, AccessLevel.Manager, AccessLevel.Staff, AccessLevel.Contractor)]
public sealed class GetPropertyHandler(UseCaseCaller caller, PropertyReader reader)
{
    public async Task<PropertyResponse> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        return await reader.ReadOneAsync(caller.User, propertyId, ct);
    }
}
