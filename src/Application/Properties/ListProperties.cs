using Kasify.Application.Access;
using Kasify.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Properties;

[CallerScope]
public sealed class ListPropertiesHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, PropertyReader reader)
{
    public async Task<PropertiesPage> HandleAsync(PageRequest page, CancellationToken ct)
    {
        var user = caller.User;
        var spec = PropertySpecs.VisiblePage(access.VisiblePropertyIds(user), page.Skip, page.Size);
        var total = await db.Properties.WithSpecification(spec, paged: false).CountAsync(ct);
        var properties = await db.Properties.WithSpecification(spec).ToListAsync(ct);
        return new PropertiesPage(await reader.ReadAsync(user, properties, ct), page.Page, page.Size, total);
    }
}
