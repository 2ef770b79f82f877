using System.Reflection;
using Kasify.Application.Common;

namespace Kasify.UnitTests.Application;

public sealed class UseCaseScopeTests
{
    private static readonly Type[] Handlers = typeof(UseCaseCaller).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal)).ToArray();

    [Test]
    public void A_caller_the_pipeline_did_not_admit_fails_loudly_instead_of_skipping_the_check()
    {
        var caller = new UseCaseCaller();

        FluentActions.Invoking(() => caller.User).Should().Throw<InvalidOperationException>().WithMessage("*use-case pipeline did not admit*");
        FluentActions.Invoking(() => caller.RoleOn(Guid.NewGuid())).Should().Throw<InvalidOperationException>();
    }

    [Test]
    public void Every_handler_that_reads_the_admitted_caller_declares_its_scope()
    {
        var undeclared = Handlers
            .Where(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType == typeof(UseCaseCaller)))
            .Where(t => t.GetCustomAttribute<UseCaseScopeAttribute>() is null)
            .Select(t => t.Name).ToList();

        Handlers.Should().HaveCountGreaterThan(30);
        undeclared.Should().BeEmpty();
    }

    [Test]
    public void A_handler_with_a_declared_scope_does_not_resolve_the_caller_again_itself()
    {
        var twice = Handlers
            .Where(t => t.GetCustomAttribute<UseCaseScopeAttribute>() is { NeedsRegisteredCaller: true })
            .Where(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType == typeof(ICurrentUser))
                        && t.Name != "AcceptInvitationHandler") // reads the token's own claims (email proof), not the user
            .Select(t => t.Name).ToList();

        twice.Should().BeEmpty();
    }

    [Test]
    public void A_property_scope_allows_at_least_one_role()
    {
        var empty = Handlers.Where(t => t.GetCustomAttribute<PropertyScopeAttribute>() is { Allowed.Count: 0 }).Select(t => t.Name).ToList();

        empty.Should().BeEmpty();
    }
}
