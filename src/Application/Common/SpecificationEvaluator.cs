using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Common;

/// <summary>
/// Our small EF evaluator for Ardalis specifications (the official EF package is not available here):
/// Where, Order/ThenOrder, Skip/Take and AsNoTracking. Includes are not used: reads are projections.
/// </summary>
public static class SpecificationEvaluator
{
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> source, ISpecification<T> spec, bool paged = true)
        where T : class
    {
        var query = source;
        foreach (var where in spec.WhereExpressions) query = query.Where(where.Filter);

        IOrderedQueryable<T>? ordered = null;
        foreach (var order in spec.OrderExpressions)
        {
            ordered = order.OrderType switch
            {
                OrderTypeEnum.OrderBy => query.OrderBy(order.KeySelector),
                OrderTypeEnum.OrderByDescending => query.OrderByDescending(order.KeySelector),
                OrderTypeEnum.ThenBy => ordered!.ThenBy(order.KeySelector),
                OrderTypeEnum.ThenByDescending => ordered!.ThenByDescending(order.KeySelector),
                _ => throw new NotSupportedException(order.OrderType.ToString()),
            };
            query = ordered;
        }

        if (paged && spec.Skip is > 0) query = query.Skip(spec.Skip);
        if (paged && spec.Take is > 0) query = query.Take(spec.Take);
        if (spec.AsNoTracking) query = query.AsNoTracking();
        return query;
    }
}
