namespace Kasify.Domain.Tasks;

public enum TaskType { Cleaning, Maintenance, Pool, Gardening, Other }

/// <summary>pending → in_progress → completed; cancelled from any open state (docs/api.md §13).</summary>
public enum WorkTaskStatus { Pending, InProgress, Completed, Cancelled }
