using System.Text;
using Safeguard.Interchange.Cin;
using Safeguard.Testing;
using static Safeguard.Core.Tests.Interchange.Cin.CinFixture;

namespace Safeguard.Core.Tests.Interchange.Cin;

public sealed class CinCensusReaderTests
{
    private static (List<CinChild> Children, List<CinIssue> Issues, CinCensusReader Reader) Read(string xml, CinCollection? collection = null, int maxElements = 250_000)
    {
        var issues = new List<CinIssue>();
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        var reader = new CinCensusReader(stream, "test.xml", new CinReaderOptions { Collection = collection, MaxElementsPerChild = maxElements }, issues.Add);
        var children = reader.ReadChildren().ToList();
        return (children, issues, reader);
    }

    [Fact]
    public void The_collection_year_comes_from_the_reference_date_unless_given()
    {
        var (_, _, reader) = Read(Valid(1).Xml);
        Assert.Equal("2024-25", reader.Collection.Name);
        Assert.Equal(new DateOnly(2025, 3, 31), reader.Header.ReferenceDate);
        Assert.Throws<ArgumentException>(() => Read(Valid(1).Xml, CinCollection.Parse("2019-20")));
    }

    [Fact]
    public void Reads_a_child_into_the_neutral_model_with_lines()
    {
        var (children, issues, _) = Read(Valid(1).Xml);
        Assert.Empty(issues);
        var child = Assert.Single(children);
        Assert.Equal("C0000000", child.LaChildId);
        Assert.Equal("F", child.Sex);
        Assert.Equal(["MOB", "HAND"], child.Disabilities);
        Assert.Equal(2, child.Episodes.Count);
        var episode = child.Episodes[0];
        Assert.Equal(new DateOnly(2024, 5, 1), episode.ReferralDate);
        Assert.False(episode.ReferralNfa);
        Assert.Equal(["3A", "4B"], episode.Assessments[0].Factors);
        Assert.Single(episode.ProtectionPlans[0].Reviews);
        Assert.True(child.Line > 0 && episode.Line > child.Line && episode.Assessments[0].Line > episode.Line);
    }

    [Theory]
    [InlineData("<GenderCurrent>1</GenderCurrent>", "M")]
    [InlineData("<GenderCurrent>2</GenderCurrent>", "F")]
    [InlineData("<GenderCurrent>0</GenderCurrent>", "U")]
    [InlineData("<GenderCurrent>9</GenderCurrent>", "U")]
    [InlineData("<Sex>U</Sex>", "U")]
    public void Reads_gender_current_up_to_2024_and_sex_from_2025(string element, string sex)
    {
        var xml = Valid(1).Xml.Replace("<Sex>F</Sex>", element, StringComparison.Ordinal);
        var (children, issues, reader) = Read(xml);
        Assert.Empty(issues);
        Assert.Equal(sex, children[0].Sex);
        Assert.Equal(element[1..element.IndexOf('>', StringComparison.Ordinal)], reader.SexElement);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    public void Reads_yes_no_as_digits_or_words(string value, bool expected)
    {
        var xml = Valid(1).Xml.Replace("<ReferralNFA>0</ReferralNFA>", $"<ReferralNFA>{value}</ReferralNFA>", StringComparison.Ordinal);
        var (children, _, _) = Read(xml);
        Assert.All(children[0].Episodes, e => Assert.Equal(expected, e.ReferralNfa));
    }

    [Fact]
    public void Structural_problems_are_reported_with_line_path_and_child_and_reading_goes_on()
    {
        var fixture = Valid(3);
        fixture.Ids(1).Element("LAchildID")!.AddAfterSelf(E("Nickname", "Bob"));
        Set(fixture.Characteristics(1), "Ethnicity", null);
        Set(fixture.Assessment(1), "AssessmentAuthorisationDate", "2024-02-30");
        fixture.Assessment(2).Element("FactorsIdentifiedAtAssessment")!.Add(E("AssessmentFactors", "RB"));
        fixture.Section47(2).Element("ICPCnotRequired")!.Value = "perhaps";
        fixture.Episode(2).Element("ReferralSource")!.AddAfterSelf(E("ReferralSource", "1A"));
        var lines = fixture.Xml.Split('\n');

        var (children, issues, _) = Read(fixture.Xml);

        Assert.Equal(3, children.Count);
        var structure = issues.Where(i => i.Rule == CinIssue.StructureRule).ToList();
        var unknown = Assert.Single(structure, i => i.Message.Contains("<Nickname>", StringComparison.Ordinal));
        Assert.Equal("C0000001", unknown.ChildId);
        Assert.Equal(["Message/Children/Child/ChildIdentifiers/Nickname"], unknown.Fields);
        Assert.Contains("<Nickname>Bob</Nickname>", lines[unknown.Line!.Value - 1], StringComparison.Ordinal);
        Assert.Contains(structure, i => i.Message.Contains("<Ethnicity> is missing", StringComparison.Ordinal) && i.ChildId == "C0000001");
        var badDate = Assert.Single(structure, i => i.Message.Contains("2024-02-30", StringComparison.Ordinal));
        Assert.Contains("AssessmentAuthorisationDate", lines[badDate.Line!.Value - 1], StringComparison.Ordinal);
        Assert.Contains(structure, i => i.Message.Contains("'RB' is not a valid code", StringComparison.Ordinal) && i.ChildId == "C0000002");
        Assert.Contains(structure, i => i.Message.Contains("'perhaps' is not a yes/no value", StringComparison.Ordinal));
        Assert.Contains(structure, i => i.Message.Contains("<ReferralSource> appears more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Out_of_order_elements_and_stray_text_are_reported()
    {
        var fixture = Valid(1);
        var upn = fixture.Ids(0).Element("UPN")!;
        upn.Remove();
        fixture.Ids(0).Element("Sex")!.AddAfterSelf(upn);
        fixture.Ids(0).Element("Sex")!.AddBeforeSelf("PersonBirthDate");
        var (_, issues, _) = Read(fixture.Xml);
        Assert.Contains(issues, i => i.Message.Contains("<UPN> is out of order", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Message.Contains("Unexpected text 'PersonBirthDate'", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_is_not_xml_is_refused_with_file_and_line()
    {
        var ex = Assert.Throws<CinUnreadableException>(() => Read("this is not a census"));
        Assert.StartsWith("test.xml: line 1: cannot be read: it is not XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_refused_with_the_line_where_it_stops()
    {
        var xml = Valid(3).Xml;
        var cut = xml[..(xml.Length / 2)];
        var ex = Assert.Throws<CinUnreadableException>(() => Read(cut));
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Line > 1);
    }

    [Fact]
    public void An_ssda903_csv_file_is_recognised_as_a_different_collection()
    {
        var header = File.ReadLines(Directory.GetFiles(ReferenceFiles.Path("ssda903", "samples"))[0]).First();
        var ex = Assert.Throws<CinUnreadableException>(() => Read(header + "\n1,2,3\n"));
        Assert.Contains("comma-separated", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SSDA903", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_in_another_encoding_than_it_declares_is_refused_with_its_line()
    {
        var xml = Valid(1).Xml.Replace("C0000000", "Zoë", StringComparison.Ordinal);
        var latin1 = Encoding.Latin1.GetBytes(xml);
        var issues = new List<CinIssue>();
        var reader = new CinCensusReader(new MemoryStream(latin1), "latin1.xml", new CinReaderOptions(), issues.Add);
        var ex = Assert.Throws<CinUnreadableException>(() => reader.ReadChildren().ToList());
        Assert.Contains("encoding", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Valid(1).Xml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains("C0000000", StringComparison.Ordinal)).i + 1, new[] { ex.Line ?? 0 });
    }

    [Fact]
    public void A_utf16_file_with_its_byte_order_mark_is_read()
    {
        var xml = Valid(1).Xml.Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.OrdinalIgnoreCase);
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray();
        var issues = new List<CinIssue>();
        var reader = new CinCensusReader(new MemoryStream(bytes), "utf16.xml", new CinReaderOptions(), issues.Add);
        Assert.Single(reader.ReadChildren());
        Assert.Empty(issues);
    }

    [Fact]
    public void A_document_type_declaration_is_refused_in_the_product_s_words_with_line_and_position()
    {
        var ex = Assert.Throws<CinUnreadableException>(() => Read("<?xml version=\"1.0\"?>\n<!DOCTYPE Message [ <!ENTITY x \"y\"> ]>\n<Message><Children/></Message>"));

        Assert.Equal("test.xml: line 2: cannot be read: at position 1 it has a document type declaration (<!DOCTYPE ...>), which a children in need census never has and Safeguard does not read", ex.Message);
        Assert.DoesNotContain("DtdProcessing", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Message xmlns=\"urn:example:other\"><Children/></Message>")]
    [InlineData("<m:Message xmlns:m=\"urn:example:other\"><m:Children/></m:Message>")]
    public void A_census_root_in_another_namespace_is_refused(string xml)
    {
        var ex = Assert.Throws<CinUnreadableException>(() => Read(xml));

        Assert.Contains("line 1: cannot be read:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("namespace 'urn:example:other'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_root_element_is_refused()
    {
        var ex = Assert.Throws<CinUnreadableException>(() => Read("<Return><Children/></Return>"));
        Assert.Contains("not a children in need census", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_with_ten_thousand_episodes_is_read_and_checked()
    {
        var fixture = Valid(1);
        for (var i = 0; i < 10_000; i++)
        {
            fixture.Child(0).Add(E("CINdetails", E("CINreferralDate", "2024-06-01"), E("ReferralSource", "1A"), E("PrimaryNeedCode", "N1"), E("ReferralNFA", "0")));
        }

        var xml = fixture.Xml;
        var (summary, issues) = ValidateText(xml);
        Assert.Equal(1, summary.Children);
        Assert.Contains(issues, i => i.Rule == "8820");
    }

    [Fact]
    public void A_child_beyond_the_element_limit_is_skipped_with_a_message_and_reading_goes_on()
    {
        var fixture = Valid(3);
        var (children, issues, _) = Read(fixture.Xml, maxElements: 30);
        Assert.Contains(issues, i => i.Message.Contains("more than 30 elements", StringComparison.Ordinal) && i.ChildId == "C0000000");
        Assert.DoesNotContain(children, c => c.LaChildId == "C0000000");
        Assert.Contains(children, c => c.LaChildId == "C0000001");
    }

    [Theory]
    [InlineData("CIN_Census_2024.xml")]
    [InlineData("CIN_Census_2026.xml")]
    [InlineData("fake_CIN_data.xml")]
    public void The_published_samples_with_deliberate_errors_are_read_to_the_end_with_their_problems_reported(string sample)
    {
        var path = ReferenceFiles.Path("cin-census", "samples", sample);
        var (summary, issues) = new CinValidator(new Safeguard.Calendar.WorkingDayCalendar([]))
            .ValidateFile(path, new CinReaderOptions { Collection = CinCollection.Parse("2024-25") }, TestContext.Current.CancellationToken);
        Assert.True(summary.Children > 0);
        Assert.Contains(issues, i => i.Rule == CinIssue.StructureRule || i.Severity == CinSeverity.Error);
        Assert.All(issues.Where(i => i.ChildId is not null), i => Assert.True(i.Line > 0));
    }
}
