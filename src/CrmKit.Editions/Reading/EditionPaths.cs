namespace CrmKit.Editions.Reading;

/// <summary>Checks the relative paths an edition.json names: inside the edition, forward slashes, no <c>..</c>.</summary>
internal static class EditionPaths
{
    public static bool IsSafe(string path) =>
        path.Length > 0 &&
        !path.StartsWith('/') &&
        !path.Contains('\\', StringComparison.Ordinal) &&
        !path.Contains(':', StringComparison.Ordinal) &&
        path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");
}
