using System.Xml;

namespace CrmKit.Sdk.Xml;

/// <summary>
/// The one way CrmKit and its plugins read XML from outside (1C CommerceML and EnterpriseData files, registry answers):
/// DTDs are refused, so no entity can expand (billion laughs) or reach a file or a URL (XXE); no resolver is set, so
/// nothing external is ever fetched; and documents are capped in size. An architecture test keeps every XML parse in
/// the repository going through here.
/// </summary>
public static class SafeXml
{
    /// <summary>The largest document read by default: 256 MiB of characters.</summary>
    public const long DefaultMaxCharacters = 256L * 1024 * 1024;

    /// <summary>New reader settings with the safe values; callers may add schemas and validation.</summary>
    /// <param name="maxCharacters">The most characters a document may have.</param>
    /// <returns>The settings.</returns>
    public static XmlReaderSettings CreateSettings(long maxCharacters = DefaultMaxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = maxCharacters,
        IgnoreProcessingInstructions = true,
        Async = true,
    };

    /// <summary>A reader over a stream with the default safe settings.</summary>
    /// <param name="input">The XML.</param>
    /// <returns>The reader; dispose it.</returns>
    public static XmlReader CreateReader(Stream input) => XmlReader.Create(input, CreateSettings());

    /// <summary>A reader over a stream with settings made by <see cref="CreateSettings"/> (with schemas added, say).</summary>
    /// <param name="input">The XML.</param>
    /// <param name="settings">The settings; DTD processing must stay prohibited.</param>
    /// <returns>The reader; dispose it.</returns>
    public static XmlReader CreateReader(Stream input, XmlReaderSettings settings) => XmlReader.Create(input, Checked(settings));

    /// <summary>A reader over text with the default safe settings.</summary>
    /// <param name="input">The XML.</param>
    /// <returns>The reader; dispose it.</returns>
    public static XmlReader CreateReader(TextReader input) => XmlReader.Create(input, CreateSettings());

    /// <summary>A reader over text with settings made by <see cref="CreateSettings"/>.</summary>
    /// <param name="input">The XML.</param>
    /// <param name="settings">The settings; DTD processing must stay prohibited.</param>
    /// <returns>The reader; dispose it.</returns>
    public static XmlReader CreateReader(TextReader input, XmlReaderSettings settings) => XmlReader.Create(input, Checked(settings));

    /// <summary>Refuses settings that would turn DTD processing back on.</summary>
    private static XmlReaderSettings Checked(XmlReaderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DtdProcessing != DtdProcessing.Prohibit)
        {
            throw new ArgumentException("XML is read with DTD processing prohibited.", nameof(settings));
        }

        return settings;
    }
}
