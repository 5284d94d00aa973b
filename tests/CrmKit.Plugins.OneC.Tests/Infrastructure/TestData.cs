using System.Text;
using CrmKit.CommerceMl;

namespace CrmKit.Plugins.OneC.Tests.Infrastructure;

/// <summary>The data files (Data/README.md) and the strict schema check every export passes.</summary>
internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static MemoryStream Stream(string name) => new(Bytes(name));

    public static MemoryStream Utf8(string xml) => new(Encoding.UTF8.GetBytes(xml));

    /// <summary>Asserts the XML is valid against both the 2.10 and the 2.08 schema, warnings counted as failures.</summary>
    public static void ShouldBeValidCommerceMl(byte[] xml)
    {
        foreach (var version in (CommerceMlSchemaVersion[])[CommerceMlSchemaVersion.V210, CommerceMlSchemaVersion.V208])
        {
            var issues = CommerceMlValidator.Validate(new MemoryStream(xml), version);
            issues.ShouldBeEmpty($"{version}: " + string.Join(Environment.NewLine, issues.Take(10)));
        }
    }
}
