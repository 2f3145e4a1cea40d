using DliSession.Client.Models;

namespace DliSession.Client.Tests.Models;

public sealed class LogTailTests
{
    [Fact]
    public void Blank_lines_and_section_headers_with_nothing_under_them_are_left_out()
    {
        string[] log = ["stdout:", "", "stderr:", "  Exception in thread main: boom  ", "   ", "YARN Diagnostics:", ""];

        Assert.Equal(["stderr:", "Exception in thread main: boom"], LogTail.Meaningful(log, 10));
    }

    [Fact]
    public void Only_the_last_lines_are_kept_in_order()
    {
        string[] log = ["a", "b", "", "c", "d"];

        Assert.Equal(["c", "d"], LogTail.Meaningful(log, 2));
    }

    [Fact]
    public void A_line_ending_in_a_colon_that_says_something_is_kept()
    {
        string[] log = ["Caused by: java.io.IOException: disk full:"];

        Assert.Equal(log, LogTail.Meaningful(log, 10));
    }
}
