using Ardalis.Specification;
using Kasify.Application.Common;

namespace Kasify.UnitTests.Persistence;

public sealed class SpecificationEvaluatorTests
{
    private sealed record Item(int Number, string Group);

    private sealed class EvenNumbersPage : Specification<Item>
    {
        public EvenNumbersPage(int skip, int take) =>
            Query.Where(i => i.Number % 2 == 0).OrderBy(i => i.Group).ThenByDescending(i => i.Number).Skip(skip).Take(take);
    }

    private static readonly Item[] Items = Enumerable.Range(1, 10).Select(n => new Item(n, n <= 5 ? "a" : "b")).ToArray();

    [Test]
    public void Filters_orders_and_pages()
    {
        var page = Items.AsQueryable().WithSpecification(new EvenNumbersPage(1, 2)).ToList();

        page.Select(i => i.Number).Should().Equal(2, 10);
    }

    [Test]
    public void Counting_ignores_the_page()
    {
        Items.AsQueryable().WithSpecification(new EvenNumbersPage(1, 2), paged: false).Count().Should().Be(5);
    }
}
