namespace CrmKit.JsonSchema.Tests;

/// <summary>Runs the official JSON-Schema-Test-Suite (draft 2020-12) against the compiler.</summary>
public sealed class JsonSchemaCompilerSuiteTests
{
    private const int TotalGroups = 106;
    private const int MinimumFullyRunGroups = 91;

    private readonly JsonSchemaCompiler _compiler = new();

    public static TheoryData<string, string, string> SupportedCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var group in JsonSchemaTestSuite.Groups.Where(g => g.Unsupported.Count == 0))
        {
            foreach (var test in group.Tests)
            {
                data.Add(group.File, group.Description, test.Description);
            }
        }

        return data;
    }

    public static TheoryData<string, string> RefusedGroups()
    {
        var data = new TheoryData<string, string>();
        foreach (var group in JsonSchemaTestSuite.Groups.Where(g => g.Unsupported.Count > 0))
        {
            data.Add(group.File, group.Description);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SupportedCases))]
    public void Validate_ShouldMatchSuite_WhenSchemaUsesSupportedKeywords(string file, string group, string test)
    {
        var suiteGroup = JsonSchemaTestSuite.Group(file, group);
        var suiteTest = suiteGroup.Tests.Single(t => t.Description == test);
        var schema = _compiler.Compile(suiteGroup.Schema.ToJsonString());

        schema.IsValid(suiteTest.Data).ShouldBe(suiteTest.Valid, "IsValid");
        var violations = new List<SchemaViolation>();
        schema.Validate(suiteTest.Data, violations);
        violations.Count.ShouldBe(
            suiteTest.Valid ? 0 : violations.Count,
            $"Validate reported {string.Join("; ", violations)}");
        if (!suiteTest.Valid)
        {
            violations.ShouldNotBeEmpty("Validate reported no violation for an invalid instance");
        }
    }

    [Theory]
    [MemberData(nameof(RefusedGroups))]
    public void Compile_ShouldRefuse_WhenSuiteSchemaUsesUnsupportedKeyword(string file, string group)
    {
        var suiteGroup = JsonSchemaTestSuite.Group(file, group);

        var exception = Should.Throw<SchemaDefinitionException>(() => _compiler.Compile(suiteGroup.Schema.ToJsonString()));

        exception.Code.ShouldBe(SchemaErrorCodes.UnsupportedKeyword);
        suiteGroup.Unsupported.ShouldContain(exception.Keyword);
    }

    [Fact]
    public void Suite_ShouldRunMostGroupsFully_WhenCompilerRefusesOnlyUnsupportedKeywords()
    {
        var groups = JsonSchemaTestSuite.Groups;

        groups.Count.ShouldBe(TotalGroups);
        groups.Count(g => g.Unsupported.Count == 0).ShouldBeGreaterThanOrEqualTo(MinimumFullyRunGroups);
        SupportedCases().Count.ShouldBe(groups.Where(g => g.Unsupported.Count == 0).Sum(g => g.Tests.Count));
    }
}
