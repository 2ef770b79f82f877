namespace Kasify.Simulation.World;

public enum WorldEventKind { Publish, Move, Cancel, Restore }

/// <summary>Something the outside world does at <see cref="At"/>: a feed or the host publishes, moves, cancels or restores a stay.</summary>
public sealed record WorldEvent(DateTime At, WorldEventKind Kind, Stay Stay, DateOnly NewTo = default);
