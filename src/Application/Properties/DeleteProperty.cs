using Kasify.Application.Access;
using Kasify.Application.Common;

namespace Kasify.Application.Properties;

/// <summary>Owner only. Consumers of <c>PropertyDeleted</c> cancel pending jobs and remove the property's files before the commit.</summary>
public sealed class DeletePropertyHandler(IKasifyDb db, ICurrentUser current, PropertyAccess access)
{
    public async Task HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (property, _) = await access.LoadForChangeAsync(user, propertyId, PropertyAccess.OwnerOnly, ct);
        property.MarkDeleted();
        db.Properties.Remove(property);
        await db.SaveChangesAsync(ct);
    }
}
