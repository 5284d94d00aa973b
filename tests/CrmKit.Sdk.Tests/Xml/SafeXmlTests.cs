using System.Xml;
using System.Xml.Linq;
using CrmKit.Sdk.Xml;

namespace CrmKit.Sdk.Tests.Xml;

/// <summary>The XML settings hold against the classic attacks: external entities, entity expansion, oversized input.</summary>
public sealed class SafeXmlTests : IDisposable
{
    private readonly string _secretFile = Path.Combine(Path.GetTempPath(), "crmkit-xxe-" + Guid.NewGuid().ToString("N") + ".txt");

    public SafeXmlTests() => File.WriteAllText(_secretFile, "TOP-SECRET-CONTENT");

    public void Dispose() => File.Delete(_secretFile);

    [Fact]
    public void ExternalEntity_ShouldBeRefused_AndReadNoFile()
    {
        var xml = $"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{_secretFile}">]><r>&x;</r>""";

        var e = Should.Throw<XmlException>(() => Read(xml));

        e.Message.ShouldContain("DTD");
        e.Message.ShouldNotContain("TOP-SECRET-CONTENT");
    }

    [Fact]
    public void EntityExpansion_ShouldBeRefused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <lolz>&lol3;</lolz>
            """;

        Should.Throw<XmlException>(() => Read(xml));
    }

    [Fact]
    public void OversizedDocument_ShouldBeRefused()
    {
        var xml = "<r>" + new string('a', 5000) + "</r>";

        using var reader = SafeXml.CreateReader(new StringReader(xml), SafeXml.CreateSettings(maxCharacters: 1000));

        Should.Throw<XmlException>(() => XDocument.Load(reader));
    }

    [Fact]
    public void Settings_ThatAllowDtds_ShouldBeRefused()
    {
        var settings = SafeXml.CreateSettings();
        settings.DtdProcessing = DtdProcessing.Parse;

        Should.Throw<ArgumentException>(() => SafeXml.CreateReader(new StringReader("<r/>"), settings));
    }

    [Fact]
    public void OrdinaryDocument_ShouldBeRead_WithItsNamespace()
    {
        var document = Read("""<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.10"><Документ/></КоммерческаяИнформация>""");

        document.Root!.Name.NamespaceName.ShouldBe("urn:1C.ru:commerceml_2");
        document.Root.Attribute("ВерсияСхемы")!.Value.ShouldBe("2.10");
    }

    private static XDocument Read(string xml)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        using var reader = SafeXml.CreateReader(stream);
        return XDocument.Load(reader);
    }
}
