//! The traveller form on the left, in the order an officer reads a passport.

use crate::query::FieldIssue;
use crate::query::input::{DocumentInput, PersonInput, QueryInput, VehicleInput};

use super::command::Command;

#[derive(Debug, Default, Clone)]
pub struct QueryForm {
    pub doc_type: String,
    pub doc_number: String,
    pub doc_country: String,
    pub doc_expiry: String,
    pub family_name: String,
    pub given_names: String,
    pub date_of_birth: String,
    pub sex: String,
    pub nationality: String,
    pub plate: String,
    pub vin: String,
    /// Machine-readable zone as pasted or scanned (2 or 3 lines, or run together).
    pub mrz: String,
    /// Set to move keyboard focus to the first field on the next frame.
    pub focus_first: bool,
}

impl QueryForm {
    pub fn input(&self) -> QueryInput {
        let blank = |s: &[&String]| s.iter().all(|v| v.trim().is_empty());
        QueryInput {
            id: None,
            document: (!blank(&[&self.doc_number])).then(|| DocumentInput {
                number: self.doc_number.clone(),
                kind: self.doc_type.clone(),
                country: self.doc_country.clone(),
                expiry: self.doc_expiry.clone(),
            }),
            person: (!blank(&[&self.family_name, &self.given_names, &self.date_of_birth])).then(|| PersonInput {
                family_name: self.family_name.clone(),
                given_names: self.given_names.clone(),
                date_of_birth: self.date_of_birth.clone(),
                sex: self.sex.clone(),
                nationality: self.nationality.clone(),
            }),
            vehicle: (!blank(&[&self.plate, &self.vin])).then(|| VehicleInput { plate: self.plate.clone(), vin: self.vin.clone() }),
            mrz: None,
        }
    }

    /// Shows a (possibly MRZ-filled) input in the form's fields.
    pub fn set_from_input(&mut self, input: &crate::query::input::QueryInput) {
        if let Some(d) = &input.document {
            (self.doc_number, self.doc_type, self.doc_country, self.doc_expiry) =
                (d.number.clone(), d.kind.clone(), d.country.clone(), d.expiry.clone());
        }
        if let Some(p) = &input.person {
            (self.family_name, self.given_names, self.date_of_birth, self.sex, self.nationality) =
                (p.family_name.clone(), p.given_names.clone(), p.date_of_birth.clone(), p.sex.clone(), p.nationality.clone());
        }
        if let Some(v) = &input.vehicle {
            (self.plate, self.vin) = (v.plate.clone(), v.vin.clone());
        }
    }

    pub fn clear(&mut self) {
        *self = Self { focus_first: true, ..Self::default() };
    }
}

fn field(ui: &mut egui::Ui, label: &str, value: &mut String, issue: Option<&FieldIssue>, width: f32) -> egui::Response {
    let l = ui.label(label);
    let response = ui.add(egui::TextEdit::singleline(value).desired_width(width)).labelled_by(l.id);
    ui.end_row();
    if let Some(issue) = issue {
        ui.label("");
        // Wrapped at the field's width: a long message must not widen the whole form panel.
        let text = egui::RichText::new(format!("! {}", issue.message)).color(ui.visuals().warn_fg_color);
        ui.scope(|ui| {
            ui.set_max_width(width);
            ui.add(egui::Label::new(text).wrap()).on_hover_text("This field is left out of the query; the rest is still sent.");
        });
        ui.end_row();
    }
    response
}

/// Draws the form; returns the commands its buttons asked for.
pub fn query_form_ui(
    ui: &mut egui::Ui,
    form: &mut QueryForm,
    issues: &[FieldIssue],
    query_label: &str,
    clear_label: &str,
    mrz_label: &str,
    compact: bool,
) -> Vec<Command> {
    let issue = |name: &str| issues.iter().find(|i| i.field == name);
    let mut commands = Vec::new();
    ui.heading("Traveller");
    ui.add_space(4.0);
    let w = 170.0;
    let l = ui.label(egui::RichText::new("MRZ (paste or scan)").strong());
    let mrz_field = ui
        // 10 pt monospace: a 44-character passport line fits the form's 300 px on one line.
        .add(egui::TextEdit::multiline(&mut form.mrz).font(egui::FontId::monospace(10.0)).desired_rows(2).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    if std::mem::take(&mut form.focus_first) {
        mrz_field.request_focus();
    }
    if let Some(issue) = issue("mrz") {
        ui.colored_label(ui.visuals().warn_fg_color, format!("! {}", issue.message));
    }
    if ui.button(format!("Read MRZ and query ({mrz_label})")).clicked() {
        commands.push(Command::ReadMrz);
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Document").strong());
    egui::Grid::new("doc").num_columns(2).min_col_width(if compact { 70.0 } else { 120.0 }).spacing([8.0, 4.0]).show(ui, |ui| {
        field(ui, "Document type", &mut form.doc_type, issue("document.type"), w);
        field(ui, "Document number", &mut form.doc_number, None, w);
        field(ui, "Issuing country", &mut form.doc_country, issue("document.country"), w);
        field(ui, "Expiry date", &mut form.doc_expiry, issue("document.expiry"), w);
    });
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Person").strong());
    egui::Grid::new("person").num_columns(2).min_col_width(if compact { 70.0 } else { 120.0 }).spacing([8.0, 4.0]).show(ui, |ui| {
        field(ui, "Family name", &mut form.family_name, issue("person.family_name"), w);
        field(ui, "Given names", &mut form.given_names, None, w);
        field(ui, "Date of birth", &mut form.date_of_birth, issue("person.date_of_birth"), w);
        field(ui, "Sex", &mut form.sex, issue("person.sex"), w);
        field(ui, "Nationality", &mut form.nationality, issue("person.nationality"), w);
    });
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Vehicle").strong());
    egui::Grid::new("vehicle").num_columns(2).min_col_width(if compact { 70.0 } else { 120.0 }).spacing([8.0, 4.0]).show(ui, |ui| {
        field(ui, "Plate", &mut form.plate, None, w);
        field(ui, "VIN", &mut form.vin, None, w);
    });
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button(format!("Query ({query_label})")).clicked() {
            commands.push(Command::RunQuery);
        }
        if ui.button(format!("New traveller ({clear_label})")).clicked() {
            commands.push(Command::NewTraveller);
        }
    });
    ui.add_space(4.0);
    // Normal body size: the hint was 8 px high on a projector.
    ui.add(
        egui::Label::new(
            egui::RichText::new(
                "Dates: YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY (birth may be YYYY or YYYY-MM). Countries: ICAO alpha-3 or alpha-2.",
            )
            .color(ui.visuals().weak_text_color()),
        )
        .wrap(),
    );
    commands
}
