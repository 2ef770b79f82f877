using System.Globalization;
using System.Text;

namespace Kasify.Infrastructure.Geo;

/// <summary>Accent- and case-insensitive matching with a rank: lower ranks sort first.</summary>
internal static class SearchText
{
    public const int ExactRank = 0;
    public const int NamePrefixRank = 1;
    public const int WordPrefixRank = 2;
    public const int ContainsRank = 3;

    /// <summary>Lower case, without accents, every run of punctuation or spaces turned into one space.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The rank of a normalised name for a normalised, non-empty query, or null when it does not match.</summary>
    public static int? Rank(string normalizedName, string normalizedQuery)
    {
        if (normalizedName == normalizedQuery)
        {
            return ExactRank;
        }

        if (normalizedName.StartsWith(normalizedQuery, StringComparison.Ordinal))
        {
            return NamePrefixRank;
        }

        // Scanned in place: building " " + query here allocated a string per candidate (8,000 cities per search).
        var at = normalizedName.IndexOf(normalizedQuery, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        for (; at >= 0; at = normalizedName.IndexOf(normalizedQuery, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && normalizedName[at - 1] == ' ')
            {
                return WordPrefixRank;
            }
        }

        return ContainsRank;
    }

    /// <summary>Rank of a code: an equal code counts as exact, a code starting with the query as a name prefix.</summary>
    public static int? RankCode(string normalizedCode, string normalizedQuery)
    {
        if (normalizedCode == normalizedQuery)
        {
            return ExactRank;
        }

        return normalizedCode.StartsWith(normalizedQuery, StringComparison.Ordinal) ? NamePrefixRank : null;
    }

    public static int? Best(int? first, int? second) =>
        first is null ? second : second is null ? first : Math.Min(first.Value, second.Value);
}
