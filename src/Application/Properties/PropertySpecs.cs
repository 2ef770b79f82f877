using Ardalis.Specification;
using Kasify.Domain.Properties;

namespace Kasify.Application.Properties;

public static class PropertySpecs
{
    public static ISpecification<Property> VisiblePage(IQueryable<Guid> visibleIds, int skip, int take) =>
        new VisiblePageSpec(visibleIds, skip, take);

    private sealed class VisiblePageSpec : Specification<Property>
    {
        public VisiblePageSpec(IQueryable<Guid> visibleIds, int skip, int take)
        {
            Query.Where(p => visibleIds.Contains(p.Id))
                .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
                .Skip(skip).Take(take)
                .AsNoTracking();
        }
    }
}
