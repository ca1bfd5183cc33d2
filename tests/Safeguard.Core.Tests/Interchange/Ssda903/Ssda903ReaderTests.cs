using System.Text;
using Safeguard.Interchange.Ssda903;

namespace Safeguard.Core.Tests.Interchange.Ssda903;

/// <summary>The reader: tables recognised by their header rows, values parsed, and every structural problem named with file, line and column.</summary>
public sealed class Ssda903ReaderTests
{
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";

    private static Ssda903File File(string name, string text) => new(name, () => new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static (Ssda903Return Return, List<Ssda903Issue> Issues) Read(params Ssda903File[] files)
    {
        var issues = new List<Ssda903Issue>();
        var result = new Ssda903Reader(issues.Add).Read(files);
        return (result, issues);
    }

    [Fact]
    public void Tables_are_recognised_by_their_header_row_whatever_the_file_name_or_column_order()
    {
        var (data, issues) = Read(
            File("a.csv", "\uFEFF" + Header + "\r\nC1,1,15/06/2012,WBRI,A123456789012,,\r\n"),
            File("b.csv", "DOB,CHILD,REVIEW_CODE,REVIEW\n15/06/2012,C1,PN1,10/06/2024\n5/6/2012,C1,PN2,\"1/7/2024\"\n"));

        Assert.Empty(issues);
        Assert.Equal("a.csv", data.Files[Ssda903Table.Header]);
        Assert.Equal("b.csv", data.Files[Ssda903Table.Reviews]);
        var child = Assert.Single(data.Children);
        Assert.Equal("C1", child.Id);
        Assert.Equal(new DateOnly(2012, 6, 15), child.Dob);
        Assert.Equal(2, child.Reviews.Count);
        Assert.Equal(new DateOnly(2024, 7, 1), child.Reviews[1].Review.Value);
        Assert.Equal(3, child.Reviews[1].Line);
    }

    [Fact]
    public void Last_years_tables_are_read_as_last_years_and_its_tables_no_rule_compares_with_are_passed_over()
    {
        Ssda903File LastYear(string name, string text) => new(name, () => new MemoryStream(Encoding.UTF8.GetBytes(text)), LastYear: true);
        var (data, issues) = Read(
            File("header.csv", Header + "\nC1,1,15/06/2012,WBRI,A123456789012,,\n"),
            LastYear("uasc.csv", "CHILD,SEX,DOB,DUC\nC1,1,15/06/2012,15/06/2030\n"),
            LastYear("placed_for_adoption.csv", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nC1,15/06/2012,01/06/2023,,\n"),
            LastYear("missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,15/06/2012,M,01/03/2024,\n"),
            LastYear("sw_episodes.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,15/06/2012,SW1,01/01/2024,,\n"),
            LastYear("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,15/06/2012,10/06/2023,PN1\n"));

        Assert.Empty(issues);
        var child = Assert.Single(data.Children);
        Assert.Equal(new DateOnly(2030, 6, 15), Assert.Single(child.UascLast).Duc.Value);
        Assert.Equal(new DateOnly(2023, 6, 1), Assert.Single(child.PlacedAdoptionLast).DatePlaced.Value);
        Assert.Equal(new DateOnly(2024, 3, 1), Assert.Single(child.MissingLast).Start.Value);
        Assert.Equal("SW1", Assert.Single(child.SocialWorkerLast).SwId);
        Assert.Empty(child.Uasc);
        Assert.Empty(child.Reviews);
        Assert.Equal("uasc.csv", data.Files[Ssda903Table.UascLast]);
        Assert.False(data.Has(Ssda903Table.Reviews));
    }

    [Fact]
    public void A_missing_required_column_is_named_and_the_table_is_not_read()
    {
        var (data, issues) = Read(File("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MC_DOB\nC1,1,15/06/2012,WBRI,A123456789012,\n"), File("r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,15/06/2012,10/06/2024,PN1\n"));

        var issue = Assert.Single(issues);
        Assert.Equal(Ssda903Issue.StructureRule, issue.Rule);
        Assert.Equal("header.csv", issue.File);
        Assert.Equal(1, issue.Line);
        Assert.Equal(["MOTHER"], issue.Fields);
        Assert.Contains("missing the required column MOTHER", issue.Message, StringComparison.Ordinal);
        Assert.False(data.Has(Ssda903Table.Header));
    }

    [Fact]
    public void The_same_table_twice_is_reported_and_only_the_first_is_read()
    {
        var (data, issues) = Read(File("one.csv", Header + "\nC1,1,15/06/2012,WBRI,A123456789012,,\n"), File("two.csv", Header + "\nC2,1,15/06/2012,WBRI,A123456789012,,\n"));

        var issue = Assert.Single(issues);
        Assert.Equal("two.csv", issue.File);
        Assert.Contains("given twice, in one.csv and in two.csv", issue.Message, StringComparison.Ordinal);
        Assert.Equal(["C1"], data.Children.Select(c => c.Id));
    }

    [Fact]
    public void An_unknown_file_and_an_unknown_column_are_reported()
    {
        var (data, issues) = Read(File("notes.csv", "NAME,AGE\nx,1\n"), File("h.csv", Header + ",FAVOURITE\nC1,1,15/06/2012,WBRI,A123456789012,,,blue\n"));

        Assert.Equal(2, issues.Count);
        Assert.Contains("notes.csv line 1: The header row (NAME,AGE) is not that of a table", issues[0].Message, StringComparison.Ordinal);
        Assert.Equal(["FAVOURITE"], issues[1].Fields);
        Assert.True(data.Has(Ssda903Table.Header));
    }

    [Fact]
    public void No_table_at_all_cannot_be_read()
    {
        var error = Assert.Throws<Ssda903UnreadableException>(() => Read(File("notes.csv", "NAME,AGE\n")));
        Assert.Contains("None of the files is a table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_no_rule_checks_are_reported_by_the_reader_with_line_column_and_child()
    {
        var (data, issues) = Read(File("uasc.csv", "CHILD,SEX,DOB,DUC\nC1,3,15/06/2012,\nC2,1,2012-06-15,\n,1,15/06/2012,\n"));

        Assert.Collection(issues,
            i => Assert.Equal(("uasc.csv", 2, "C1", "SEX"), (i.File!, i.Line!.Value, i.ChildId!, i.Fields[0])),
            i => Assert.Equal(("uasc.csv", 3, "C2", "DOB"), (i.File!, i.Line!.Value, i.ChildId!, i.Fields[0])),
            i => Assert.Equal(("uasc.csv", 4, "CHILD"), (i.File!, i.Line!.Value, i.Fields[0])));
        Assert.Contains("SEX '3' is not one of the codes 1, 2", issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("DOB '2012-06-15' is not a date written dd/mm/yyyy", issues[1].Message, StringComparison.Ordinal);
        Assert.Equal(["C1", "C2"], data.Children.Select(c => c.Id));
    }

    [Fact]
    public void Values_a_rule_checks_are_kept_for_the_rule_and_not_reported_twice()
    {
        var (data, issues) = Read(File("h.csv", Header + "\nC1,9,31/02/2012,XXXX,A123456789012,,\n"));

        Assert.Empty(issues);
        var header = data.Children[0].Header!;
        Assert.Equal("9", header.Sex);
        Assert.True(header.Dob.Invalid);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_and_a_quoted_line_break_keep_lines_right()
    {
        var (data, issues) = Read(File("h.csv", Header + "\nC1,1,15/06/2012,WBRI,\"A12345\n6789012\",,\nC2,1,15/06/2012\nC3,1,15/06/2012,WBRI,A123456789012,,\n"));

        var issue = Assert.Single(issues);
        Assert.Equal(4, issue.Line);
        Assert.Contains("has 3 values", issue.Message, StringComparison.Ordinal);
        Assert.Equal(5, data.Children.Single(c => c.Id == "C3").Header!.Line);
    }

    [Fact]
    public void Quoted_values_line_endings_blank_lines_and_a_last_row_with_no_line_break_are_read_as_written()
    {
        var (data, issues) = Read(File("h.csv",
            Header + "\r\n\"C1\",1,\" 15/06/2012 \",WBRI,\"A1\"\"2,3\",,\r\n\r\n   \nC2,2,5/6/2012,WBRI,A123456789012,,\rC3,1,31/02/2012,WBRI,A123456789012,,"));

        var c1 = data.Children.Single(c => c.Id == "C1").Header!;
        Assert.Equal(new DateOnly(2012, 6, 15), c1.Dob.Value);
        Assert.Equal("A1\"2,3", c1.Upn);
        Assert.Null(c1.Mother);
        var c2 = data.Children.Single(c => c.Id == "C2").Header!;
        Assert.Equal((5, new DateOnly(2012, 6, 5)), (c2.Line, c2.Dob.Value));
        var c3 = data.Children.Single(c => c.Id == "C3").Header!;
        Assert.Equal(6, c3.Line);
        Assert.True(c3.Dob.Invalid);
        Assert.Empty(issues);
    }

    [Theory]
    [InlineData("15/06/2012", "2012-06-15")]
    [InlineData("5/6/2012", "2012-06-05")]
    [InlineData("05/6/2012", "2012-06-05")]
    [InlineData("29/02/2024", "2024-02-29")]
    [InlineData("29/02/2023", null)]
    [InlineData("31/04/2024", null)]
    [InlineData("00/01/2024", null)]
    [InlineData("01/13/2024", null)]
    [InlineData("01/01/0000", null)]
    [InlineData("1a/01/2024", null)]
    [InlineData("2024-01-01", null)]
    [InlineData("15/06/12", null)]
    public void Dates_are_read_as_dd_mm_yyyy_and_nothing_else(string text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Ssda903Reader.ParseDate(text));

    [Fact]
    public void Last_years_tables_are_read_as_last_years()
    {
        var issues = new List<Ssda903Issue>();
        var data = new Ssda903Reader(issues.Add).Read([
            File("h.csv", Header + "\nC1,1,15/06/2012,WBRI,A123456789012,,\n"),
            new Ssda903File("h_last.csv", () => new MemoryStream(Encoding.UTF8.GetBytes(Header + "\nC1,2,15/06/2012,WBRI,A123456789012,,\n")), LastYear: true),
        ]);

        Assert.Empty(issues);
        Assert.Equal("2", data.Children[0].HeaderLast!.Sex);
        Assert.True(data.Has(Ssda903Table.HeaderLast));
    }
}

/// <summary>The generated return the benchmark validates: every table read, every row counted, nothing structurally wrong, the same each time.</summary>
public sealed class Ssda903GeneratorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-903-gen-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_generated_return_reads_whole_with_no_structural_issues()
    {
        var rows = Ssda903Generator.Write(_folder, 300, Ssda903Fixture.Collection);
        var (summary, issues) = Ssda903Validator.Validate(Ssda903File.FromPaths([_folder]), Ssda903Fixture.Collection);

        Assert.Equal(300, summary.Children);
        Assert.Equal(rows, summary.Rows);
        Assert.Equal(11, summary.Files.Count);
        Assert.DoesNotContain(issues, i => i.Rule == Ssda903Issue.StructureRule);

        var again = Directory.CreateDirectory(Path.Combine(_folder, "again")).FullName;
        Ssda903Generator.Write(again, 300, Ssda903Fixture.Collection);
        Assert.Equal(File.ReadAllText(Path.Combine(_folder, "episodes.csv")), File.ReadAllText(Path.Combine(again, "episodes.csv")));
    }
}

/// <summary>A return large enough for the rules to run on several threads gives the same issues, in the same order, as on one.</summary>
public sealed class Ssda903ParallelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-903-parallel-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_rules_on_several_threads_report_what_one_thread_reports_in_the_same_order()
    {
        Ssda903Generator.Write(_folder, 3_000, Ssda903Fixture.Collection);
        var inParallel = new List<Ssda903Issue>();
        var oneThread = new List<Ssda903Issue>();

        var parallelSummary = Ssda903Validator.Validate(Ssda903File.FromPaths([_folder]), Ssda903Fixture.Collection, null, inParallel.Add, null, inParallel: true, CancellationToken.None);
        var oneSummary = Ssda903Validator.Validate(Ssda903File.FromPaths([_folder]), Ssda903Fixture.Collection, null, oneThread.Add, null, inParallel: false, CancellationToken.None);

        Assert.True(oneThread.Count > 1_000);
        Assert.Equal(oneThread.Select(Describe), inParallel.Select(Describe));
        Assert.Equal(oneSummary.IssuesByRule, parallelSummary.IssuesByRule);
        Assert.Equal((oneSummary.Errors, oneSummary.Rows), (parallelSummary.Errors, parallelSummary.Rows));
    }

    [Fact]
    public void Files_read_on_several_threads_give_the_children_rows_and_problems_one_thread_gives_in_the_same_order()
    {
        Ssda903Generator.Write(_folder, 3_000, Ssda903Fixture.Collection);
        // Problems of the files' structure in several tables: a column no table has, short rows, rows without a child,
        // a date of birth that is not a date, a child only in one table.
        Rewrite("oc2.csv", lines => [lines[0] + ",EXTRA", .. lines.Skip(1).Select(l => l + ",x")]);
        Rewrite("episodes.csv", lines => [.. lines.Select((l, i) => i % 500 == 7 ? string.Join(',', l.Split(',').Take(5)) : l)]);
        Rewrite("reviews.csv", lines => [.. lines.Select((l, i) => i % 700 == 3 ? "," + l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..] : l)]);
        Rewrite("sw_episodes.csv", lines => [.. lines.Select((l, i) => i % 400 == 9 ? string.Join(',', l.Split(',').Take(3)) : l), "999999,01/01/2010,SW1,01/04/2024,,"]);
        Rewrite("missing.csv", lines => [.. lines.Select((l, i) => i == 5 ? ReplaceField(l, 1, "31/02/2014") : l)]);
        var inParallel = new List<Ssda903Issue>();
        var oneThread = new List<Ssda903Issue>();

        var parallelRead = new Ssda903Reader(inParallel.Add).Read(Ssda903File.FromPaths([_folder]));
        var oneRead = new Ssda903Reader(oneThread.Add) { InParallel = false }.Read(Ssda903File.FromPaths([_folder]));

        Assert.True(new DirectoryInfo(_folder).EnumerateFiles("*.csv").Sum(f => f.Length) > 256 * 1024, "large enough to be read on several threads");
        Assert.Equal(5, oneThread.Where(i => i.Rule == Ssda903Issue.StructureRule).Select(i => i.File).Distinct().Count());
        Assert.Equal(oneThread.Select(Describe), inParallel.Select(Describe));
        Assert.Equal(oneThread.Select(i => i.Message), inParallel.Select(i => i.Message));
        Assert.Equal(oneRead.Children.Select(c => c.Id), parallelRead.Children.Select(c => c.Id));
        Assert.Equal("999999", oneRead.Children[^1].Id);
        Assert.Equal(
            oneRead.Children.Select(c => (c.Episodes.Count, c.Reviews.Count, c.SocialWorker.Count, c.Oc2.Count, c.Episodes.Select(e => e.Line).FirstOrDefault())),
            parallelRead.Children.Select(c => (c.Episodes.Count, c.Reviews.Count, c.SocialWorker.Count, c.Oc2.Count, c.Episodes.Select(e => e.Line).FirstOrDefault())));
    }

    [Fact]
    public void A_cancelled_run_on_several_threads_stops_with_the_cancellation()
    {
        Ssda903Generator.Write(_folder, 3_000, Ssda903Fixture.Collection);
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => Ssda903Validator.Validate(
            Ssda903File.FromPaths([_folder]), Ssda903Fixture.Collection, null, i => { if (i.Rule != Ssda903Issue.StructureRule && ++seen == 10) { cancel.Cancel(); } }, null, inParallel: true, cancel.Token));
    }

    private static string Describe(Ssda903Issue issue) => $"{issue.Rule}|{issue.Table}|{issue.File}|{issue.Line}|{issue.ChildId}|{string.Join(",", issue.Fields)}";

    private static string ReplaceField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }

    private void Rewrite(string file, Func<string[], string[]> change)
    {
        var path = Path.Combine(_folder, file);
        File.WriteAllLines(path, change(File.ReadAllLines(path)));
    }
}
