package markup

import (
	"context"
	"fmt"

	"github.com/mtcheck/mtcheck/mtcheck"
)

func ExampleCheck() {
	src := "# Notes\n\nWe met on *Monday*.But `x.Y` is code, and caf&eacute; teh end.\n"
	c, err := mtcheck.New([]*mtcheck.Rule{glueRule, tehRule})
	if err != nil {
		panic(err)
	}
	rep, err := Check(context.Background(), c, Markdown, src)
	if err != nil {
		panic(err)
	}
	for _, d := range rep.Diagnostics {
		pos := rep.Position(d.Start)
		fmt.Printf("%d:%d %s %q\n", pos.Line, pos.Column, d.Rule, src[d.Start:d.End])
	}
	fmt.Print(mtcheck.ApplyFixes(src, rep.Diagnostics, true).Text)
	// Output:
	// 3:12 glue "Monday*.But"
	// 3:55 teh "teh"
	// # Notes
	//
	// We met on *Monday*. But `x.Y` is code, and caf&eacute; the end.
}

func ExampleExtract() {
	x, err := Extract(HTML, "<h1>Title</h1><p>Fish &amp; chips<script>var a</script> for <b>two</b>.</p>")
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", x.Text)
	i := len("Title\n\nFish ")
	fmt.Println(x.SourceSpan(mtcheck.Span{Start: i, End: i + 1}))
	// Output:
	// "Title\n\nFish & chips for two."
	// [22,27)
}
