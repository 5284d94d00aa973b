using System.Globalization;

namespace CrmKit.Core.Storage;

/// <summary>
/// The one text form of instants in CrmKit data and system columns: UTC, seven fraction digits, <c>Z</c>
/// (<c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>, .NET's round-trip format). Fixed width, so text order is time order.
/// </summary>
public static class CanonicalInstant
{
    /// <summary>The format string.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Formats an instant.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The canonical text.</returns>
    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses the canonical text (or any ISO 8601 instant with an offset).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The instant in UTC.</returns>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
