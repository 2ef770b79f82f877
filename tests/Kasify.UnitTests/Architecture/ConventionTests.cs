using Kasify.Application.Jobs;
using MassTransit;
using NetArchTest.Rules;

namespace Kasify.UnitTests.Architecture;

/// <summary>Conventions of docs/architecture.md that a reviewer would otherwise have to remember.</summary>
public sealed class ConventionTests
{
    [Test]
    public void Endpoints_never_touch_the_database_context_they_call_use_cases()
    {
        var result = Types.InAssembly(Layers.WebApi).That().ResideInNamespace("Kasify.WebApi.Endpoints").Should()
            .NotHaveDependencyOnAny("Kasify.Infrastructure.Persistence.KasifyDbContext", "Kasify.Application.Common.IKasifyDb")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(LayerTests.Failures(result));
    }

    [Test]
    public void Use_case_handlers_are_sealed()
    {
        var result = Types.InAssembly(Layers.Application).That().AreClasses().And().AreNotAbstract().And().HaveNameEndingWith("Handler")
            .Should().BeSealed().GetResult();

        result.IsSuccessful.Should().BeTrue(LayerTests.Failures(result));
    }

    [Test]
    public void Job_handlers_and_event_consumers_are_sealed()
    {
        var handlers = Layers.Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsNested)
            .Where(t => t.IsAssignableTo(typeof(IOutboxJob)) || t.IsAssignableTo(typeof(IOutboxJobHandler)) || t.IsAssignableTo(typeof(IConsumer)))
            .ToList();

        handlers.Should().NotBeEmpty();
        handlers.Where(t => !t.IsSealed).Select(t => t.FullName).Should().BeEmpty();
    }

    [Test]
    public void Every_job_handler_takes_its_payload_typed()
    {
        var untyped = Layers.Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IOutboxJobHandler)));

        untyped.Select(t => t.FullName).Should().BeEmpty("the job catalog reads the payload once: implement IOutboxJobHandler<TPayload>");
    }
}
