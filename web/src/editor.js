// The SPARQL editor of the /query page: CodeMirror with SPARQL highlighting and completion of the
// prefixes and terms the page hands over. window.KGEditor.create(textarea, options) replaces a
// <textarea> (which stays the form's field, kept in step) and returns the editor's API.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
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
      keymap.of([{ key: "Mod-Enter", run: () => { options.onRun && options.onRun(); return true; } }]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) textarea.value = update.state.doc.toString();
      }),
      EditorView.contentAttributes.of({ "aria-label": options.label || "SPARQL" }),
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
  };
}

window.KGEditor = { create };
