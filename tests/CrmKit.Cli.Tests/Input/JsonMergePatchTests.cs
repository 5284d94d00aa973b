using System.Text.Json.Nodes;
using CrmKit.Cli.Input;

namespace CrmKit.Cli.Tests.Input;

public sealed class JsonMergePatchTests
{
    [Theory]
    [InlineData("""{"a": 1}""", """{"b": 2}""", """{"a": 1, "b": 2}""")]
    [InlineData("""{"a": 1, "b": 2}""", """{"a": null}""", """{"b": 2}""")]
    [InlineData("""{"o": {"x": 1, "y": 2}}""", """{"o": {"y": null, "z": 3}}""", """{"o": {"x": 1, "z": 3}}""")]
    [InlineData("""{"e": ["a", "b"]}""", """{"e": ["c"]}""", """{"e": ["c"]}""")]
    [InlineData("""{}""", """{"n": {"keep": 1, "drop": null}}""", """{"n": {"keep": 1}}""")]
    public void Apply_ShouldFollowRfc7396(string target, string patch, string expected)
    {
        var node = JsonNode.Parse(target)!.AsObject();

        JsonMergePatch.Apply(node, JsonNode.Parse(patch)!.AsObject());

        JsonNode.DeepEquals(node, JsonNode.Parse(expected)).ShouldBeTrue(node.ToJsonString());
    }
}
