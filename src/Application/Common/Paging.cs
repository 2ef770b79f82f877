namespace Kasify.Application.Common;

/// <summary>Zero-based page request (docs/api.md §1): size 1..100, default 20.</summary>
public sealed record PageRequest(int Page, int Size)
{
    public const int MaxSize = 100;
    /// <summary>Far beyond any real list, and page × size stays far from int overflow (a negative OFFSET).</summary>
    public const int MaxPage = 1_000_000;

    public static PageRequest From(int? page, int? size)
    {
        var validation = new Validation();
        if (page is < 0 or > MaxPage) validation.Add("page", $"page must be between 0 and {MaxPage}.");
        if (size is < 1 or > MaxSize) validation.Add("size", $"size must be between 1 and {MaxSize}.");
        validation.ThrowIfInvalid();
        return new PageRequest(page ?? 0, size ?? 20);
    }

    public int Skip => Page * Size;
}
