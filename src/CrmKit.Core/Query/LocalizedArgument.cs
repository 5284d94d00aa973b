using System.Globalization;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Query;

/// <summary>
/// A format argument that is itself localized: when a message is formatted for a culture, the argument renders in
/// that culture too (string.Format hands the culture to <see cref="IFormattable.ToString(string?, IFormatProvider?)"/>).
/// </summary>
/// <param name="text">The localized text to insert.</param>
internal sealed class LocalizedArgument(LocalizedText text) : IFormattable
{
    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        text.Get(formatProvider as CultureInfo ?? CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => text.Get(CultureInfo.InvariantCulture);
}
