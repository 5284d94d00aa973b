using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CrmKit.Editions.Planning;

/// <summary>Short content hashes of what an edition declares, kept in the installed record to detect changes between versions.</summary>
internal static class EditionHashes
{
    public static string Of(JsonNode node) => Of(node.ToJsonString());

    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
