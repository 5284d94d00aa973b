using System.Text.Json.Nodes;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Sdk.Tests.Workflows;

public class WorkflowActionResultTests
{
    [Fact]
    public void Success_ShouldCarryOutput()
    {
        var output = new JsonObject { ["taskId"] = "0190d7a4-0000-7000-8000-000000000001" };

        var result = WorkflowActionResult.Success(output);

        result.Succeeded.ShouldBeTrue();
        result.Output.ShouldBeSameAs(output);
        result.Error.ShouldBeNull();
        result.Retryable.ShouldBeFalse();
    }

    [Fact]
    public void Success_ShouldHaveNoOutput_WhenNoneGiven()
    {
        WorkflowActionResult.Success().Output.ShouldBeNull();
    }

    [Fact]
    public void Failure_ShouldCarryErrorAndRetryAfter_WhenRetryable()
    {
        var result = WorkflowActionResult.Failure("DaData answered 429.", retryable: true, TimeSpan.FromSeconds(30));

        result.Succeeded.ShouldBeFalse();
        result.Retryable.ShouldBeTrue();
        result.Error.ShouldBe("DaData answered 429.");
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        result.Output.ShouldBeNull();
    }

    [Fact]
    public void Failure_ShouldDropRetryAfter_WhenNotRetryable()
    {
        WorkflowActionResult.Failure("Invalid INN.", retryable: false, TimeSpan.FromSeconds(30)).RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Failure_ShouldThrow_WhenErrorIsBlank(string error)
    {
        Should.Throw<ArgumentException>(() => WorkflowActionResult.Failure(error, retryable: true));
    }

    [Fact]
    public void Failure_ShouldThrow_WhenRetryAfterIsNegative()
    {
        Should.Throw<ArgumentOutOfRangeException>(
            () => WorkflowActionResult.Failure("x", retryable: true, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void ToString_ShouldDescribeFailure()
    {
        WorkflowActionResult.Failure("timeout", retryable: true).ToString().ShouldBe("Failed (retryable): timeout");
    }
}
