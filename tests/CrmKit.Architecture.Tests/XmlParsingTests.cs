using System.Text.RegularExpressions;

namespace CrmKit.Architecture.Tests;

/// <summary>
/// Every XML parse in the shipped code and the plugins goes through <c>CrmKit.Sdk.Xml.SafeXml</c>, whose settings refuse
/// DTDs and external resolution: a parse that builds its own reader or loads a document from a path, a stream or text
/// directly is flagged here, with the file and line.
/// </summary>
public sealed partial class XmlParsingTests
{
    [GeneratedRegex(@"XmlReader\.Create\(|new\s+XmlDocument\b|new\s+XmlTextReader\b|X(Document|Element)\.(Load|Parse)\(\s*(?!reader\b|xmlReader\b)|\.LoadXml\(|new\s+XmlSerializer\b|XmlReaderSettings\s*\{|DtdProcessing\.(Parse|Ignore)")]
    private static partial Regex UnsafeParse();

    [Fact]
    public void XmlParsing_ShouldGoThroughSafeXml()
    {
        var offenders = new List<string>();
        foreach (var area in (string[])["src", "plugins"])
        {
            var root = Path.Combine(ProjectGraph.Root, area);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
                    file.EndsWith(Path.Combine("Xml", "SafeXml.cs"), StringComparison.Ordinal))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (UnsafeParse().IsMatch(lines[i]))
                    {
                        offenders.Add($"{Path.GetRelativePath(ProjectGraph.Root, file)}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        offenders.ShouldBeEmpty("parse XML through CrmKit.Sdk.Xml.SafeXml (load XDocument from its reader)");
    }

    [Theory]
    [InlineData("var r = XmlReader.Create(stream);", true)]
    [InlineData("var d = new XmlDocument();", true)]
    [InlineData("var d = XDocument.Load(path);", true)]
    [InlineData("var e = XElement.Parse(text);", true)]
    [InlineData("settings.DtdProcessing = DtdProcessing.Parse;", true)]
    [InlineData("using var reader = SafeXml.CreateReader(stream); var d = XDocument.Load(reader);", false)]
    public void Scan_ShouldTellSafeFromUnsafeLines(string line, bool flagged) => UnsafeParse().IsMatch(line).ShouldBe(flagged);
}
