package encoding

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestLimitsPeakMemory measures the peak memory of Load on the largest
// inputs the default limits accept, one case per process: run it as
//
//	LABOURNET_PEAK=json-small go test -run TestLimitsPeakMemory -v ./encoding
//
// with each of the cases below; the figures are in the documentation of
// Limits. The peak is the process's maximum resident set size after Load,
// the input having been written by a streaming writer beforehand.
func TestLimitsPeakMemory(t *testing.T) {
	which := os.Getenv("LABOURNET_PEAK")
	if which == "" {
		t.Skip("set LABOURNET_PEAK to a case to measure the peak memory of Load")
	}
	lim := DefaultLimits()
	dir := t.TempDir()
	el := lim.MaxElements / 2
	big := strings.Repeat("x", lim.MaxValue-16)
	var path string
	write := func(name string, f func(w *bufio.Writer)) string {
		p := filepath.Join(dir, name)
		fh, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriterSize(fh, 1<<20)
		f(w)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		fh.Close()
		return p
	}
	switch which {
	case "json-small": // links before actors: the links are held until the actors come
		path = write("n.json", func(w *bufio.Writer) {
			w.WriteString(`{"format":"labournet/1","name":"peak","links":[`)
			for i := range el {
				if i > 0 {
					w.WriteString(",")
				}
				fmt.Fprintf(w, "\n{\"from\":\"a%d\",\"to\":\"a%d\",\"kind\":\"partnership\"}", i, (i+1)%el)
			}
			w.WriteString("],\"actors\":[")
			for i := range el {
				if i > 0 {
					w.WriteString(",")
				}
				fmt.Fprintf(w, "\n{\"id\":\"a%d\",\"kind\":\"body\"}", i)
			}
			w.WriteString("]}\n")
		})
	case "json-attrs": // actors of ten attributes each: attributes cost no element
		path = write("n.json", func(w *bufio.Writer) {
			w.WriteString(`{"format":"labournet/1","name":"peak","actors":[`)
			for i := range lim.MaxElements {
				if i > 0 {
					w.WriteString(",")
				}
				fmt.Fprintf(w, "\n{\"id\":\"a%d\",\"kind\":\"body\",\"attrs\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"e\":\"5\",\"f\":\"6\",\"g\":\"7\",\"h\":\"8\",\"i\":\"9\",\"j\":\"0\"}}", i)
			}
			w.WriteString("]}\n")
		})
	case "csv-attrs":
		path = dir
		write(ActorsFile, func(w *bufio.Writer) {
			w.WriteString("id,kind,a,b,c,d,e,f,g,h,i,j\n")
			for i := range lim.MaxElements {
				fmt.Fprintf(w, "a%d,body,1,2,3,4,5,6,7,8,9,0\n", i)
			}
		})
		write(LinksFile, func(w *bufio.Writer) { w.WriteString("from,to,kind\n") })
	case "json-big": // values of MaxValue up to MaxBytes, links first
		path = write("n.json", func(w *bufio.Writer) {
			k := int(lim.MaxBytes/int64(lim.MaxValue)) - 2
			w.WriteString(`{"format":"labournet/1","name":"peak","links":[`)
			for i := range k / 2 {
				if i > 0 {
					w.WriteString(",")
				}
				fmt.Fprintf(w, "\n{\"from\":\"a%d\",\"to\":\"a%d\",\"kind\":\"partnership\",\"evidence\":\"%s\"}", i, (i+1)%(k/2), big)
			}
			w.WriteString("],\"actors\":[")
			for i := range k / 2 {
				if i > 0 {
					w.WriteString(",")
				}
				fmt.Fprintf(w, "\n{\"id\":\"a%d\",\"kind\":\"body\",\"name\":\"%s\"}", i, big)
			}
			w.WriteString("]}\n")
		})
	case "graphml-small":
		path = write("n.graphml", func(w *bufio.Writer) {
			w.WriteString(`<graphml><key id="k" for="node" attr.name="name"/><key id="r" for="node" attr.name="region"/><key id="s" for="node" attr.name="sectors"/><graph edgedefault="undirected">` + "\n")
			for i := range el {
				fmt.Fprintf(w, "<node id=\"a%d\"><data key=\"k\">A%d</data><data key=\"r\">R</data><data key=\"s\">S</data></node>\n", i, i)
			}
			for i := range el {
				fmt.Fprintf(w, "<edge source=\"a%d\" target=\"a%d\"/>\n", i, (i+1)%el)
			}
			w.WriteString("</graph></graphml>\n")
		})
	case "graphml-nodes": // nodes only, 4 XML elements each: as many elements as accepted
		path = write("n.graphml", func(w *bufio.Writer) {
			w.WriteString(`<graphml><key id="k" for="node" attr.name="name"/><key id="r" for="node" attr.name="region"/><key id="s" for="node" attr.name="sectors"/><graph edgedefault="undirected">` + "\n")
			for i := range lim.MaxElements - 5 {
				fmt.Fprintf(w, "<node id=\"a%d\"><data key=\"k\">A%d</data><data key=\"r\">R</data><data key=\"s\">S</data></node>\n", i, i)
			}
			w.WriteString("</graph></graphml>\n")
		})
	case "gexf-nodes":
		path = write("n.gexf", func(w *bufio.Writer) {
			w.WriteString(`<gexf xmlns="http://gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected"><attributes class="node"><attribute id="0" title="region" type="string"/><attribute id="1" title="sectors" type="string"/></attributes><nodes>` + "\n")
			for i := range lim.MaxElements - 3 {
				fmt.Fprintf(w, "<node id=\"a%d\" label=\"A%d\"><attvalues><attvalue for=\"0\" value=\"R\"/><attvalue for=\"1\" value=\"S\"/></attvalues></node>\n", i, i)
			}
			w.WriteString("</nodes></graph></gexf>\n")
		})
	case "graphml-big":
		path = write("n.graphml", func(w *bufio.Writer) {
			k := int(lim.MaxBytes/int64(lim.MaxValue)) - 2
			w.WriteString(`<graphml><key id="k" for="node" attr.name="name"/><graph edgedefault="undirected">` + "\n")
			for i := range k {
				fmt.Fprintf(w, "<node id=\"a%d\"><data key=\"k\">%s</data></node>\n", i, big)
			}
			w.WriteString("</graph></graphml>\n")
		})
	case "gexf-small":
		path = write("n.gexf", func(w *bufio.Writer) {
			w.WriteString(`<gexf xmlns="http://gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected"><attributes class="node"><attribute id="0" title="region" type="string"/><attribute id="1" title="sectors" type="string"/></attributes><nodes>` + "\n")
			for i := range el {
				fmt.Fprintf(w, "<node id=\"a%d\" label=\"A%d\"><attvalues><attvalue for=\"0\" value=\"R\"/><attvalue for=\"1\" value=\"S\"/></attvalues></node>\n", i, i)
			}
			w.WriteString("</nodes><edges>\n")
			for i := range el {
				fmt.Fprintf(w, "<edge source=\"a%d\" target=\"a%d\"/>\n", i, (i+1)%el)
			}
			w.WriteString("</edges></graph></gexf>\n")
		})
	case "csv-small":
		path = dir
		write(ActorsFile, func(w *bufio.Writer) {
			w.WriteString("id,kind,name\n")
			for i := range el {
				fmt.Fprintf(w, "a%d,body,A%d\n", i, i)
			}
		})
		write(LinksFile, func(w *bufio.Writer) {
			w.WriteString("from,to,kind\n")
			for i := range el {
				fmt.Fprintf(w, "a%d,a%d,partnership\n", i, (i+1)%el)
			}
		})
	case "csv-big":
		path = dir
		write(ActorsFile, func(w *bufio.Writer) {
			w.WriteString("id,kind,name\n")
			for i := range int(lim.MaxBytes/int64(lim.MaxValue)) - 2 {
				fmt.Fprintf(w, "a%d,body,%s\n", i, big)
			}
		})
		write(LinksFile, func(w *bufio.Writer) { w.WriteString("from,to,kind\n") })
	default:
		t.Fatalf("unknown case %q", which)
	}
	size := int64(0)
	filepath.Walk(path, func(_ string, fi os.FileInfo, _ error) error {
		if fi != nil && !fi.IsDir() {
			size += fi.Size()
		}
		return nil
	})
	runtime.GC()
	var before syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	n, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	t.Logf("%s: %d MB of input, %d actors, %d links: peak RSS %d MB (%d MB before Load)",
		which, size>>20, n.NumActors(), n.NumLinks(), after.Maxrss>>10, before.Maxrss>>10)
}
