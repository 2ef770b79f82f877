using Kasify.Infrastructure.Persistence;
using Kasify.Infrastructure.Persistence.CompiledModels.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kasify.UnitTests.Persistence;

/// <summary>
/// The SQLite context starts from a compiled model (EF Core finds it by its assembly attribute) instead of building the
/// model from the configuration at every start (issue 14). It is generated code, so it must still describe the model the
/// configuration builds: regenerate it with build/optimize-model.sh after changing the model.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "the compiled model is stale: run build/optimize-model.sh after changing the model";

    private static SqliteKasifyDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteKasifyDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Test]
    public void The_SQLite_context_runs_on_the_compiled_model()
    {
        using var db = Sqlite();

        db.Model.Should().BeSameAs(SqliteKasifyDbContextModel.Instance);
    }

    [Test]
    public void The_compiled_model_maps_the_same_schema_as_the_configuration()
    {
        using var db = Sqlite();
        var configured = db.GetService<IDesignTimeModel>().Model; // built from OnModelCreating, never the compiled one

        Schema(db.Model.GetRelationalModel()).Should().Equal(Schema(configured.GetRelationalModel()), Regenerate);
    }

    [Test]
    public void The_compiled_model_has_the_same_entities_properties_converters_and_navigations_as_the_configuration()
    {
        using var db = Sqlite();
        var configured = db.GetService<IDesignTimeModel>().Model;

        Shape(db.Model).Should().Equal(Shape(configured), Regenerate);
    }

    private static List<string> Schema(IRelationalModel model) =>
        model.Tables.SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name}: {c.StoreType} nullable={c.IsNullable}")
                .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique={i.IsUnique} filter={i.Filter}"))
                .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"))
                .Concat(t.UniqueConstraints.Select(u => $"{t.Name} key {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})")))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> Shape(IModel model) =>
        model.GetEntityTypes().SelectMany(e => e.GetProperties()
                .Select(p => $"{e.Name}.{p.Name}: {p.ClrType} nullable={p.IsNullable} converter={p.GetValueConverter()?.GetType()} " +
                             $"comparer={p.GetValueComparer().Type} concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated} " +
                             $"field={p.FieldInfo?.Name} access={p.GetPropertyAccessMode()}")
                .Concat(e.GetNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection} field={n.FieldInfo?.Name}"))
                .Concat(e.GetSkipNavigations().Select(n => $"{e.Name}.{n.Name} skip-> {n.TargetEntityType.Name}"))
                .Concat(e.GetComplexProperties().Select(c => $"{e.Name}.{c.Name} complex {c.ComplexType.Name}"))
                .Concat(e.GetForeignKeys().Select(f => $"{e.Name} fk ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} {f.DeleteBehavior} required={f.IsRequired}"))
                .Append($"{e.Name} table={e.GetTableName()} filters={e.GetDeclaredQueryFilters().Count} constructor={e.ConstructorBinding?.GetType().Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
