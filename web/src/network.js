// The network view: partners as nodes sized by commitment and coloured by style, the strongest
// mutual trust links as edges. Positions are fixed on a circle so a month's change is visible
// as a change of sizes and links, not as nodes jumping around.
import cytoscape from "cytoscape";

const styleColour = { defensief: "#8c8c8c", utilitair: "#2f7ed8", offensief: "#e8731a", overstijgend: "#2aa35a" };

export class NetworkView {
  constructor(container) {
    this.cy = cytoscape({
      container,
      userZoomingEnabled: true,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [
        {
          selector: "node",
          style: {
            "background-color": "data(colour)",
            width: "data(size)",
            height: "data(size)",
            label: "data(label)",
            "font-size": 9,
            "text-valign": "bottom",
            color: "#333",
            opacity: "data(opacity)",
          },
        },
        { selector: "edge", style: { width: "data(width)", "line-color": "#1d3557", opacity: "data(opacity)", "curve-style": "straight" } },
      ],
    });
  }

  setPartners(partners) {
    window.regiosimNetwork = this.cy; // for the browser test and the curious
    this.partners = partners;
    this.cy.elements().remove();
    this.cy.add(
      partners.map((p, i) => ({
        group: "nodes",
        data: { id: `p${i}`, label: partners.length <= 40 ? p.name : "", colour: styleColour[p.style] ?? "#555", size: 10, opacity: 1 },
      })),
    );
    this.cy.layout({ name: "circle", animate: false, padding: 20 }).run();
  }

  showMonth(recording, index) {
    const commitment = recording.partner_commitment[index];
    const status = recording.partner_status[index];
    const edges = recording.edges[index];
    this.cy.batch(() => {
      this.cy.edges().remove();
      this.cy.nodes().forEach((node, i) => {
        const active = status[i] === 1;
        node.data("size", 6 + 30 * (commitment[i] ?? 0));
        node.data("opacity", active ? 1 : status[i] === 2 ? 0.15 : 0.05);
      });
      const added = [];
      for (let k = 0; k + 2 < edges.length; k += 3) {
        const trust = edges[k + 2];
        added.push({ group: "edges", data: { id: `e${edges[k]}-${edges[k + 1]}`, source: `p${edges[k]}`, target: `p${edges[k + 1]}`, width: 0.5 + 4 * trust * trust, opacity: 0.15 + 0.6 * trust } });
      }
      this.cy.add(added);
    });
  }
}
