using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Kasify.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// <c>EF.Functions.Like</c> ignores case on SQLite (ASCII) and on SQL Server's default collation, but not on
/// PostgreSQL. Searches are written once in Application, so on PostgreSQL both sides are lower-cased:
/// <c>lower(column) LIKE lower(pattern)</c>.
/// </summary>
internal sealed class CaseInsensitiveLikeTranslator(ISqlExpressionFactory sql) : IMethodCallTranslator
{
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string)])!;
    private static readonly MethodInfo LikeWithEscape = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments,
        IDiagnosticsLogger<DbLoggerCategory.Query> logger)
    {
        if (method != Like && method != LikeWithEscape) return null;
        var mapping = ExpressionExtensions.InferTypeMapping(arguments[1], arguments[2]);
        var match = Lower(sql.ApplyTypeMapping(arguments[1], mapping)!);
        var pattern = Lower(sql.ApplyTypeMapping(arguments[2], mapping)!);
        var escape = method == LikeWithEscape ? sql.ApplyTypeMapping(arguments[3], mapping) : null;
        return sql.Like(match, pattern, escape);
    }

    private SqlExpression Lower(SqlExpression text) =>
        sql.Function("lower", [text], nullable: true, argumentsPropagateNullability: [true], typeof(string), text.TypeMapping);
}

internal sealed class CaseInsensitiveLikePlugin(ISqlExpressionFactory sql) : IMethodCallTranslatorPlugin
{
    public IEnumerable<IMethodCallTranslator> Translators { get; } = [new CaseInsensitiveLikeTranslator(sql)];
}
