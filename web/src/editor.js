// The SPARQL editor of the /query page: CodeMirror with SPARQL highlighting and completion of the
// prefixes and terms the page hands over. window.KGEditor.create(textarea, options) replaces a
// <textarea> (which stays the form's field, kept in step) and returns the editor's API.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { StreamLanguage } from "@codemirror/language";
import { autocompletion } from "@codemirror/autocomplete";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";

function completer(words) {
  // words: [{label, detail, info}] such as "ikg:Municipality" or "PREFIX ikg: <…>"
  return (context) => {
    const token = context.matchBefore(/[\w:-]+/);
    if (!token || (token.from === token.to && !context.explicit)) return null;
    return { from: token.from, options: words, validFor: /^[\w:-]*$/ };
  };
}

function create(textarea, options = {}) {
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      basicSetup,
      StreamLanguage.define(sparql),
      autocompletion({ override: [completer(options.completions || [])] }),
      // Highest precedence: basicSetup's default keymap binds Mod-Enter (a blank line) first.
      Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { options.onRun && options.onRun(); return true; } }])),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) textarea.value = update.state.doc.toString();
      }),
      EditorView.contentAttributes.of({ "aria-label": options.label || "SPARQL",
                                        ...(options.attributes || {}) }),
    ],
  });
  textarea.hidden = true;
  textarea.insertAdjacentElement("afterend", view.dom);
  return {
    view,
    get value() { return view.state.doc.toString(); },
    set value(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus() { view.focus(); },
    // Puts the cursor where a syntax error was reported (line and column count from 1).
    goTo(line, column) {
      const doc = view.state.doc;
      const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const pos = Math.min(at.from + Math.max(column - 1, 0), at.to);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    },
  };
}

window.KGEditor = { create };
