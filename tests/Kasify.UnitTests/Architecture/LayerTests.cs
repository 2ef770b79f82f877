using System.Reflection;
using NetArchTest.Rules;

namespace Kasify.UnitTests.Architecture;

/// <summary>docs/architecture.md as tests: dependencies point inwards only, and the domain knows no framework.</summary>
public sealed class LayerTests
{
    private const string Domain = "Kasify.Domain";
    private const string Application = "Kasify.Application";
    private const string Infrastructure = "Kasify.Infrastructure";
    private const string WebApi = "Kasify.WebApi";

    [Test]
    public void The_domain_depends_on_no_other_layer_and_on_no_framework()
    {
        var result = Types.InAssembly(Layers.Domain).Should()
            .NotHaveDependencyOnAny(Application, Infrastructure, WebApi,
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MassTransit", "Hangfire")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Failures(result));
    }

    [Test]
    public void The_application_depends_on_neither_infrastructure_nor_the_web_layer_nor_their_frameworks()
    {
        var result = Types.InAssembly(Layers.Application).Should()
            .NotHaveDependencyOnAny(Infrastructure, WebApi, "Microsoft.AspNetCore", "Hangfire")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Failures(result));
    }

    [Test]
    public void Each_layer_assembly_references_only_the_layers_inside_it()
    {
        Ours(Layers.Domain).Should().BeEmpty();
        Ours(Layers.Application).Should().Equal(Domain);
        Ours(Layers.Infrastructure).Should().BeEquivalentTo(Domain, Application);
    }

    [Test]
    public void The_rules_do_see_dependencies_endpoints_do_call_the_application()
    {
        var result = Types.InAssembly(Layers.WebApi).That().ResideInNamespace("Kasify.WebApi.Endpoints").Should()
            .NotHaveDependencyOn(Application).GetResult();

        result.IsSuccessful.Should().BeFalse("a rule that cannot fail proves nothing");
    }

    private static IEnumerable<string> Ours(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Kasify.", StringComparison.Ordinal));

    internal static string Failures(TestResult result) =>
        "these types break the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}
