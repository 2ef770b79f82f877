using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Common;

/// <summary>
/// The EF context behind <see cref="IKasifyDb"/>, for queries compiled once with <c>EF.CompileAsyncQuery</c> over
/// <see cref="DbContext"/>: the hot fixed reads of every request skip building the expression tree, the funcletizer and
/// the query-cache lookup.
/// </summary>
public static class CompiledQueryContext
{
    public static DbContext AsDbContext(this IKasifyDb db) =>
        db as DbContext ?? throw new InvalidOperationException($"{db.GetType().Name} is not an EF DbContext.");
}
