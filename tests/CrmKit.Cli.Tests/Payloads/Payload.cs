namespace CrmKit.Cli.Tests.Payloads;

/// <summary>Reads the canned server answers in Payloads/ (shaped after docs/rest-api.md).</summary>
public static class Payload
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name));
}
