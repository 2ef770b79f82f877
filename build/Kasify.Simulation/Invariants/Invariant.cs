namespace Kasify.Simulation.Invariants;

/// <summary>One invariant's tally: how many things were checked, how many broke it, and a few examples.</summary>
public sealed class Invariant(string name)
{
    private const int MaxExamples = 5;
    private readonly HashSet<string> _violated = new(StringComparer.Ordinal);

    public string Name { get; } = name;
    public int Checked { get; private set; }
    public int Violations { get; private set; }
    public List<string> Examples { get; } = [];
    public string? Note { get; set; }

    public void Count(int n = 1) => Checked += n;

    /// <summary>Records a violation once per <paramref name="key"/> (a thing broken for many steps counts once).</summary>
    public void Violate(string key, string example)
    {
        if (!_violated.Add(key)) return;
        Violations++;
        if (Examples.Count < MaxExamples) Examples.Add(example);
    }
}
