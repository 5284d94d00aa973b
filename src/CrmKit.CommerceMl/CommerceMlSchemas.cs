using System.Collections.Concurrent;
using System.Xml.Schema;
using CrmKit.Sdk.Xml;

namespace CrmKit.CommerceMl;

/// <summary>The embedded official CommerceML 2 schemas, compiled once per version and shared (read-only after compiling).</summary>
public static class CommerceMlSchemas
{
    /// <summary>The CommerceML 2 target namespace.</summary>
    public const string Namespace = "urn:1C.ru:commerceml_2";

    private static readonly ConcurrentDictionary<CommerceMlSchemaVersion, Lazy<XmlSchemaSet>> Sets = new();

    /// <summary>Parses a version as the CLI and settings spell it: <c>2.10</c> or <c>2.08</c>.</summary>
    /// <param name="text">The version text.</param>
    /// <param name="version">The version, when known.</param>
    /// <returns>True when the text names an embedded schema.</returns>
    public static bool TryParseVersion(string? text, out CommerceMlSchemaVersion version)
    {
        switch (text?.Trim())
        {
            case "2.10":
            case "2.1":
                version = CommerceMlSchemaVersion.V210;
                return true;
            case "2.08":
                version = CommerceMlSchemaVersion.V208;
                return true;
            default:
                version = default;
                return false;
        }
    }

    /// <summary>The version as written in <c>ВерсияСхемы</c>.</summary>
    /// <param name="version">The version.</param>
    /// <returns><c>2.10</c> or <c>2.08</c>.</returns>
    public static string ToText(CommerceMlSchemaVersion version) => version switch
    {
        CommerceMlSchemaVersion.V208 => "2.08",
        _ => "2.10",
    };

    /// <summary>The compiled schema set of a version. Do not change it: it is shared.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The compiled set.</returns>
    public static XmlSchemaSet Get(CommerceMlSchemaVersion version) =>
        Sets.GetOrAdd(version, v => new Lazy<XmlSchemaSet>(() => Compile(v))).Value;

    private static XmlSchemaSet Compile(CommerceMlSchemaVersion version)
    {
        var name = $"CrmKit.CommerceMl.commerceml-{ToText(version)}.xsd";
        using var stream = typeof(CommerceMlSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded schema {name} is missing.");
        using var reader = SafeXml.CreateReader(stream);
        var schema = XmlSchema.Read(reader, null) ?? throw new InvalidOperationException($"The embedded schema {name} did not read.");
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(schema);
        set.Compile();
        return set;
    }
}
