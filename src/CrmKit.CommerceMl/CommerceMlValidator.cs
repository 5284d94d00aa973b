using System.Text;
using System.Xml;
using System.Xml.Schema;
using CrmKit.Sdk.Xml;

namespace CrmKit.CommerceMl;

/// <summary>
/// Validates a CommerceML file against the official schema, strictly: every error and every warning is reported
/// (without warnings a file in no namespace would "pass" with zero errors), and a root element outside
/// <c>urn:1C.ru:commerceml_2</c> is an error of its own. The file is read through <see cref="SafeXml"/> (no DTD, no
/// external entities, size-capped), streaming; windows-1251 and other code pages named in the XML declaration are read.
/// </summary>
public static class CommerceMlValidator
{
    /// <summary>The most issues collected; a file with more is reported with this many and a last line saying so.</summary>
    public const int MaxIssues = 1000;

    static CommerceMlValidator() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Validates a file.</summary>
    /// <param name="input">The file's bytes; read to the end.</param>
    /// <param name="version">The schema version to check against.</param>
    /// <returns>The issues, in document order; empty when the file is valid.</returns>
    public static IReadOnlyList<CommerceMlIssue> Validate(Stream input, CommerceMlSchemaVersion version = CommerceMlSchemaVersion.V210)
    {
        ArgumentNullException.ThrowIfNull(input);
        var issues = new List<CommerceMlIssue>();
        var settings = SafeXml.CreateSettings();
        settings.Async = false;
        settings.Schemas = CommerceMlSchemas.Get(version);
        settings.ValidationType = ValidationType.Schema;
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => Add(issues, new CommerceMlIssue(
            e.Severity == XmlSeverityType.Error ? CommerceMlIssueSeverity.Error : CommerceMlIssueSeverity.Warning,
            e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0, e.Message));
        try
        {
            using var reader = SafeXml.CreateReader(input, settings);
            var rootSeen = false;
            while (reader.Read())
            {
                if (!rootSeen && reader.NodeType == XmlNodeType.Element)
                {
                    rootSeen = true;
                    if (reader.NamespaceURI != CommerceMlSchemas.Namespace)
                    {
                        var info = (IXmlLineInfo)reader;
                        Add(issues, new CommerceMlIssue(CommerceMlIssueSeverity.Error, info.LineNumber, info.LinePosition,
                            $"The root element '{reader.LocalName}' is in the namespace '{reader.NamespaceURI}', not '{CommerceMlSchemas.Namespace}'."));
                    }
                }
            }
        }
        catch (XmlException exception)
        {
            Add(issues, new CommerceMlIssue(CommerceMlIssueSeverity.Error, exception.LineNumber, exception.LinePosition, exception.Message));
        }
        catch (DecoderFallbackException exception)
        {
            Add(issues, new CommerceMlIssue(CommerceMlIssueSeverity.Error, 0, 0, "The bytes do not match the declared encoding: " + exception.Message));
        }

        return issues;
    }

    /// <summary>Validates a file on disk.</summary>
    /// <param name="path">The file.</param>
    /// <param name="version">The schema version.</param>
    /// <returns>The issues; empty when the file is valid.</returns>
    public static IReadOnlyList<CommerceMlIssue> ValidateFile(string path, CommerceMlSchemaVersion version = CommerceMlSchemaVersion.V210)
    {
        using var stream = File.OpenRead(path);
        return Validate(stream, version);
    }

    private static void Add(List<CommerceMlIssue> issues, CommerceMlIssue issue)
    {
        if (issues.Count < MaxIssues)
        {
            issues.Add(issue);
        }
        else if (issues.Count == MaxIssues)
        {
            issues.Add(new CommerceMlIssue(issue.Severity, issue.Line, issue.Position, $"More than {MaxIssues} issues; the rest are not listed."));
        }
    }
}
